package dev.switchboard.connector.saas.slack;

import dev.switchboard.connector.ingress.IngressRequest;
import dev.switchboard.connector.saas.SignatureScheme;
import dev.switchboard.connector.saas.Timestamps;
import dev.switchboard.connector.support.Hmac;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Slack's v0 scheme: {@code X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:" + timestamp + ":" +
 * rawBody>} with the app's signing secret, where the timestamp ({@code X-Slack-Request-Timestamp},
 * unix seconds) must be within five minutes of the server's clock.
 */
final class SlackSignature implements SignatureScheme {
    static final String HEADER = "X-Slack-Signature";
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    private static final String PREFIX = "v0=";

    private final String secret;
    private final Duration tolerance;
    private final Clock clock;

    SlackSignature(String secret, Duration tolerance, Clock clock) {
        this.secret = secret;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    @Override
    public Optional<String> rejectHeaders(Map<String, String> headers) {
        String given = SignatureScheme.header(headers, HEADER);
        if (given.isEmpty()) {
            return Optional.of("Missing " + HEADER + " header");
        }
        if (!given.startsWith(PREFIX) || !Hmac.isHex(given.substring(PREFIX.length()), 64)) {
            return Optional.of("Malformed " + HEADER + ": expected v0=<64 hex digits>");
        }
        String timestamp = SignatureScheme.header(headers, TIMESTAMP);
        if (timestamp.isEmpty()) {
            return Optional.of("Missing " + TIMESTAMP + " header");
        }
        return Timestamps.stale(timestamp, false, tolerance, clock);
    }

    @Override
    public Optional<String> reject(IngressRequest request) {
        Optional<String> headers = rejectHeaders(request.headers());
        if (headers.isPresent()) {
            return headers;
        }
        String timestamp = SignatureScheme.header(request.headers(), TIMESTAMP);
        String given = SignatureScheme.header(request.headers(), HEADER).substring(PREFIX.length());
        byte[] expected = Hmac.sha256(secret, Hmac.ascii("v0:" + timestamp + ":"), request.body());
        return Hmac.matchesHex(expected, given) ? Optional.empty() : Optional.of("Invalid signature");
    }

    /** {@code v0=<hex>} for a body, as Slack computes it; for tests. */
    static String sign(String secret, String timestamp, byte[] body) {
        return PREFIX
                + java.util.HexFormat.of().formatHex(Hmac.sha256(secret, Hmac.ascii("v0:" + timestamp + ":"), body));
    }
}
