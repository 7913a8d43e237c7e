package dev.switchboard.connector.http;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The OAuth2 client credentials (RFC 6749 §4.4) of an {@code http.request} node with {@code auth:
 * oauth2}. {@link #toString()} never shows the secret.
 *
 * @param basicAuth true: the client authenticates with HTTP Basic (the RFC's default); false: with
 *     {@code client_id} / {@code client_secret} in the form body
 */
record OAuth2Credentials(
        URI tokenUrl,
        String clientId,
        String clientSecret,
        String scope,
        String audience,
        boolean basicAuth,
        Duration timeout) {

    static OAuth2Credentials from(NodeConfig config) {
        return new OAuth2Credentials(
                URI.create(config.string("tokenUrl", "").trim()),
                config.string("clientId", ""),
                config.string("clientSecret", ""),
                config.string("scope", "").trim(),
                config.string("audience", "").trim(),
                !config.string("clientAuth", "basic").equals("body"),
                config.duration("timeout", Duration.ofSeconds(30)));
    }

    /**
     * Which cached token these credentials share: the token URL, client, scope and audience — and a
     * digest of the secret and the client authentication, so a node with a wrong secret never gets a
     * token another node fetched. The key stays in memory only.
     */
    String cacheKey() {
        return String.join(
                "\n",
                tokenUrl.toString(),
                clientId,
                scope,
                audience,
                basicAuth ? "basic" : "body",
                sha256(clientSecret));
    }

    /** {@code text} with the client secret replaced by {@code ***}: for messages made of what a server said. */
    String mask(String text) {
        return clientSecret.isEmpty() ? text : text.replace(clientSecret, "***");
    }

    @Override
    public String toString() {
        return "OAuth2Credentials[" + tokenUrl + ", client " + clientId + ", scope '" + scope + "']";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }
}
