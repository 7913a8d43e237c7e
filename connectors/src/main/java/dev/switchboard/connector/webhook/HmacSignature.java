package dev.switchboard.connector.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code hmac-sha256}: the caller signs the raw body with the shared secret and sends
 * {@code sha256=<hex>} in the signature header. With a timestamp header, the signature covers
 * {@code timestamp + "." + body} and the timestamp (unix seconds) must lie within the tolerance of
 * the server's clock, so a captured request cannot be replayed later.
 */
final class HmacSignature extends WebhookAuth {
    static final String PREFIX = "sha256=";
    private static final int HEX_DIGITS = 64;

    private final SecretKeySpec key;
    private final String header;
    private final String timestampHeader;
    private final Duration tolerance;
    private final Clock clock;

    /** @param timestampHeader empty: no timestamp, the signature covers the body alone */
    HmacSignature(String secret, String header, String timestampHeader, Duration tolerance, Clock clock) {
        this.key = key(secret);
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
        byte[] expected = mac(key, timestamp, request.body());
        return sameBytes(expected, given) ? Optional.empty() : Optional.of("Invalid signature");
    }

    private static boolean isHex(String text) {
        if (text.length() != HEX_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    private static String readable(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    static byte[] mac(String secret, String timestamp, byte[] body) {
        return mac(key(secret), timestamp, body);
    }

    /** HMAC-SHA256 over {@code body}, or over {@code timestamp + "." + body} when a timestamp is given. */
    static byte[] mac(SecretKeySpec key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            if (timestamp != null) {
                mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            }
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
