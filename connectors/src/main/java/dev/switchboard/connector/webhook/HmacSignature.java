package dev.switchboard.connector.webhook;

import dev.switchboard.connector.support.Hmac;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code hmac-sha256}: the caller signs the raw body with the shared secret and sends
 * {@code sha256=<hex>} in the signature header. With a timestamp header, the signature covers
 * {@code timestamp + "." + body} and the timestamp (unix seconds) must lie within the tolerance of
 * the server's clock, so a captured request cannot be replayed later.
 */
final class HmacSignature extends WebhookAuth {
    static final String PREFIX = "sha256=";
    private static final int HEX_DIGITS = 64;

    private final String secret;
    private final String header;
    private final String timestampHeader;
    private final Duration tolerance;
    private final Clock clock;

    /** @param timestampHeader empty: no timestamp, the signature covers the body alone */
    HmacSignature(String secret, String header, String timestampHeader, Duration tolerance, Clock clock) {
        this.secret = secret;
        this.header = header;
        this.timestampHeader = timestampHeader;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    @Override
    public Optional<String> rejectHeaders(WebhookRequest request) {
        String given = request.header(header).orElse("").trim();
        if (given.isEmpty()) {
            return Optional.of("Missing signature header " + header);
        }
        if (!given.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.of("The signature must start with " + PREFIX);
        }
        if (!isHex(given.substring(PREFIX.length()))) {
            return Optional.of("Malformed signature: expected " + PREFIX + " and " + HEX_DIGITS + " hex digits");
        }
        if (timestampHeader.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> timestamp = request.header(timestampHeader).map(String::trim);
        if (timestamp.isEmpty() || timestamp.get().isEmpty()) {
            return Optional.of("Missing timestamp header " + timestampHeader);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get());
        } catch (NumberFormatException e) {
            return Optional.of("The timestamp header " + timestampHeader + " must hold unix seconds");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > tolerance.toSeconds()) {
            return Optional.of("The timestamp is more than " + readable(tolerance)
                    + " away from the server's clock; sign each request with the current time");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> reject(WebhookRequest request) {
        Optional<String> headers = rejectHeaders(request);
        if (headers.isPresent()) {
            return headers;
        }
        byte[] given = HexFormat.of()
                .parseHex(request.header(header).orElseThrow().trim().substring(PREFIX.length()));
        String timestamp = timestampHeader.isEmpty()
                ? null
                : request.header(timestampHeader).orElseThrow().trim();
        byte[] expected = mac(secret, timestamp, request.body());
        return sameBytes(expected, given) ? Optional.empty() : Optional.of("Invalid signature");
    }

    private static boolean isHex(String text) {
        return Hmac.isHex(text, HEX_DIGITS);
    }

    private static String readable(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    static byte[] mac(String secret, String timestamp, byte[] body) {
        return timestamp == null ? Hmac.sha256(secret, body) : Hmac.sha256(secret, Hmac.ascii(timestamp + "."), body);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
