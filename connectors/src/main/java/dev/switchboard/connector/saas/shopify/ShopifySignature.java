package dev.switchboard.connector.saas.shopify;

import dev.switchboard.connector.ingress.IngressRequest;
import dev.switchboard.connector.saas.SignatureScheme;
import dev.switchboard.connector.support.Hmac;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Shopify's scheme: {@code X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the raw body>} with the app's client secret. */
final class ShopifySignature implements SignatureScheme {
    static final String HEADER = "X-Shopify-Hmac-Sha256";

    private final String secret;

    ShopifySignature(String secret) {
        this.secret = secret;
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
        return Optional.empty();
    }

    @Override
    public Optional<String> reject(IngressRequest request) {
        Optional<String> headers = rejectHeaders(request.headers());
        if (headers.isPresent()) {
            return headers;
        }
        String given = SignatureScheme.header(request.headers(), HEADER);
        return Hmac.matchesBase64(Hmac.sha256(secret, request.body()), given)
                ? Optional.empty()
                : Optional.of("Invalid signature");
    }
}
