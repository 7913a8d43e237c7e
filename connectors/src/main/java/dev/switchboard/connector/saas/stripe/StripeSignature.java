package dev.switchboard.connector.saas.stripe;

import dev.switchboard.connector.ingress.IngressRequest;
import dev.switchboard.connector.saas.SignatureScheme;
import dev.switchboard.connector.saas.Timestamps;
import dev.switchboard.connector.support.Hmac;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]}, where each
 * {@code v1} is the hex HMAC-SHA256 of {@code t + "." + rawBody} with an endpoint secret. The call
 * passes when any {@code v1} matches (Stripe sends one per active secret while a secret is rolled)
 * and {@code t} is within the tolerance of the server's clock. {@code v0} (test-mode, SHA-1) entries
 * are ignored.
 */
final class StripeSignature implements SignatureScheme {
    static final String HEADER = "Stripe-Signature";

    private final String secret;
    private final Duration tolerance;
    private final Clock clock;

    StripeSignature(String secret, Duration tolerance, Clock clock) {
        this.secret = secret;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    private record Parsed(String timestamp, List<String> v1) {}

    private static Optional<Parsed> parse(String header) {
        String timestamp = null;
        List<String> v1 = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (key.equals("t")) {
                timestamp = value;
            } else if (key.equals("v1") && Hmac.isHex(value, 64)) {
                v1.add(value);
            }
        }
        return timestamp == null || v1.isEmpty() ? Optional.empty() : Optional.of(new Parsed(timestamp, v1));
    }

    @Override
    public Optional<String> rejectHeaders(Map<String, String> headers) {
        String header = SignatureScheme.header(headers, HEADER);
        if (header.isEmpty()) {
            return Optional.of("Missing " + HEADER + " header");
        }
        Optional<Parsed> parsed = parse(header);
        if (parsed.isEmpty()) {
            return Optional.of("Malformed " + HEADER + ": expected t=<unix seconds>,v1=<64 hex digits>");
        }
        return Timestamps.stale(parsed.get().timestamp(), false, tolerance, clock);
    }

    @Override
    public Optional<String> reject(IngressRequest request) {
        Optional<String> headers = rejectHeaders(request.headers());
        if (headers.isPresent()) {
            return headers;
        }
        Parsed parsed = parse(SignatureScheme.header(request.headers(), HEADER)).orElseThrow();
        byte[] expected = Hmac.sha256(secret, Hmac.ascii(parsed.timestamp() + "."), request.body());
        boolean any = false;
        for (String given : parsed.v1()) {
            any |= Hmac.matchesHex(expected, given); // every candidate compared: timing tells nothing
        }
        return any ? Optional.empty() : Optional.of("Invalid signature");
    }
}
