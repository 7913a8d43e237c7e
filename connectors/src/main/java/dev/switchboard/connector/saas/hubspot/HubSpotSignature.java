package dev.switchboard.connector.saas.hubspot;

import dev.switchboard.connector.ingress.IngressRequest;
import dev.switchboard.connector.saas.SignatureScheme;
import dev.switchboard.connector.saas.Timestamps;
import dev.switchboard.connector.support.Hmac;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot's v3 scheme: {@code X-HubSpot-Signature-v3} is the base64 HMAC-SHA256, with the app's
 * client secret, of {@code method + uri + rawBody + timestamp}, where the timestamp is
 * {@code X-HubSpot-Request-Timestamp} (unix milliseconds, within five minutes of the server's clock)
 * and the uri the full URL HubSpot called — behind a proxy, the public base URL (a property) plus
 * the path and query received; without one, {@code http://} plus the request's {@code Host}.
 * HubSpot decodes a few percent-escapes in the uri before signing; so does this check.
 */
final class HubSpotSignature implements SignatureScheme {
    static final String HEADER = "X-HubSpot-Signature-v3";
    static final String TIMESTAMP = "X-HubSpot-Request-Timestamp";
    /** The escapes HubSpot's v3 documentation decodes in the uri before signing. */
    private static final String[][] DECODED = {
        {"%3A", ":"}, {"%2F", "/"}, {"%3F", "?"}, {"%40", "@"}, {"%21", "!"}, {"%24", "$"},
        {"%27", "'"}, {"%28", "("}, {"%29", ")"}, {"%2A", "*"}, {"%2C", ","}, {"%3B", ";"}
    };

    private final String secret;
    private final String publicBaseUrl;
    private final Duration tolerance;
    private final Clock clock;

    /** @param publicBaseUrl e.g. {@code https://hooks.example.com}; empty: the request's own */
    HubSpotSignature(String secret, String publicBaseUrl, Duration tolerance, Clock clock) {
        this.secret = secret;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.tolerance = tolerance;
        this.clock = clock;
    }

    @Override
    public Optional<String> rejectHeaders(Map<String, String> headers) {
        String given = SignatureScheme.header(headers, HEADER);
        if (given.isEmpty()) {
            return Optional.of("Missing " + HEADER + " header");
        }
        try {
            if (Base64.getDecoder().decode(given).length != 32) {
                return Optional.of("Malformed " + HEADER + ": expected the base64 of 32 bytes");
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("Malformed " + HEADER + ": expected base64");
        }
        String timestamp = SignatureScheme.header(headers, TIMESTAMP);
        if (timestamp.isEmpty()) {
            return Optional.of("Missing " + TIMESTAMP + " header");
        }
        return Timestamps.stale(timestamp, true, tolerance, clock);
    }

    @Override
    public Optional<String> reject(IngressRequest request) {
        Optional<String> headers = rejectHeaders(request.headers());
        if (headers.isPresent()) {
            return headers;
        }
        byte[] expected = Hmac.sha256(
                secret,
                Hmac.utf8(request.method() + uri(request)),
                request.body(),
                Hmac.utf8(SignatureScheme.header(request.headers(), TIMESTAMP)));
        return Hmac.matchesBase64(expected, SignatureScheme.header(request.headers(), HEADER))
                ? Optional.empty()
                : Optional.of("Invalid signature");
    }

    /** The URL HubSpot called, as HubSpot signs it. */
    String uri(IngressRequest request) {
        String base =
                publicBaseUrl.isEmpty() ? "http://" + SignatureScheme.header(request.headers(), "Host") : publicBaseUrl;
        String uri = base + request.path() + (request.query().isEmpty() ? "" : "?" + request.query());
        for (String[] escape : DECODED) {
            uri = uri.replace(escape[0], escape[1]).replace(escape[0].toLowerCase(), escape[1]);
        }
        return uri;
    }
}
