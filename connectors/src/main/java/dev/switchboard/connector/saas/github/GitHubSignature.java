package dev.switchboard.connector.saas.github;

import dev.switchboard.connector.ingress.IngressRequest;
import dev.switchboard.connector.saas.SignatureScheme;
import dev.switchboard.connector.support.Hmac;
import java.util.Map;
import java.util.Optional;

/** GitHub's scheme: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>} with the webhook secret. */
final class GitHubSignature implements SignatureScheme {
    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private final String secret;

    GitHubSignature(String secret) {
        this.secret = secret;
    }

    @Override
    public Optional<String> rejectHeaders(Map<String, String> headers) {
        String given = SignatureScheme.header(headers, HEADER);
        if (given.isEmpty()) {
            return Optional.of("Missing " + HEADER + " header (set a secret on the GitHub webhook)");
        }
        if (!given.startsWith(PREFIX) || !Hmac.isHex(given.substring(PREFIX.length()), 64)) {
            return Optional.of("Malformed " + HEADER + ": expected sha256=<64 hex digits>");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> reject(IngressRequest request) {
        Optional<String> headers = rejectHeaders(request.headers());
        if (headers.isPresent()) {
            return headers;
        }
        String given = SignatureScheme.header(request.headers(), HEADER).substring(PREFIX.length());
        return Hmac.matchesHex(Hmac.sha256(secret, request.body()), given)
                ? Optional.empty()
                : Optional.of("Invalid signature");
    }
}
