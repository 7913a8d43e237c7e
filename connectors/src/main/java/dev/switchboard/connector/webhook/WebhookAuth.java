package dev.switchboard.connector.webhook;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook call comes from who it claims, on the raw request before any parsing.
 * Every comparison of a credential runs in constant time ({@link MessageDigest#isEqual}).
 */
public abstract sealed class WebhookAuth {
    public static final String NONE = "none";
    public static final String BEARER = "bearer";
    public static final String BASIC = "basic";
    public static final String HMAC_SHA256 = "hmac-sha256";
    public static final String DEFAULT_SIGNATURE_HEADER = "X-Signature-256";

    /** Empty when the request may pass; otherwise why not (safe to show the caller). */
    public abstract Optional<String> reject(WebhookRequest request);

    /** The {@code WWW-Authenticate} challenge for a 401, or null. */
    public String challenge() {
        return null;
    }

    /** True when this check needs the raw body bytes (form bodies do not keep them). */
    public boolean needsRawBody() {
        return false;
    }

    /** Builds the check a node's config asks for; fails on an empty credential. */
    public static WebhookAuth from(NodeConfig config) {
        String scheme = config.string("auth", NONE);
        switch (scheme) {
            case NONE:
                return new None();
            case BEARER:
                return new Bearer(credential(config, "token"));
            case BASIC:
                return new Basic(credential(config, "username"), credential(config, "password"));
            case HMAC_SHA256:
                return new HmacSha256(credential(config, "secret"),
                        config.string("signatureHeader", DEFAULT_SIGNATURE_HEADER));
            default:
                throw new IllegalArgumentException("auth '" + scheme + "' is not one of none, bearer, basic, hmac-sha256");
        }
    }

    private static String credential(NodeConfig config, String name) {
        String value = config.string(name, "");
        if (value.isEmpty()) {
            // an empty credential would let anyone in who sends an empty one
            throw new IllegalArgumentException(name + " is required for auth " + config.string("auth", NONE)
                    + " and must not be empty");
        }
        return value;
    }

    static boolean sameBytes(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static boolean sameText(String expected, String given) {
        return sameBytes(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    static final class None extends WebhookAuth {
        @Override
        public Optional<String> reject(WebhookRequest request) {
            return Optional.empty();
        }
    }

    static final class Bearer extends WebhookAuth {
        private final String token;

        Bearer(String token) {
            this.token = token;
        }

        @Override
        public Optional<String> reject(WebhookRequest request) {
            String header = request.header("Authorization").orElse("").trim();
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.of("Missing bearer token");
            }
            return sameText(token, header.substring(7).trim()) ? Optional.empty() : Optional.of("Invalid bearer token");
        }

        @Override
        public String challenge() {
            return "Bearer";
        }
    }

    static final class Basic extends WebhookAuth {
        private final String username;
        private final String password;

        Basic(String username, String password) {
            this.username = username;
            this.password = password;
        }

        @Override
        public Optional<String> reject(WebhookRequest request) {
            String header = request.header("Authorization").orElse("").trim();
            if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return Optional.of("Missing basic credentials");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of("Malformed basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.of("Malformed basic credentials");
            }
            // compare both parts always, so timing does not tell which one was wrong
            boolean userOk = sameText(username, decoded.substring(0, colon));
            boolean passwordOk = sameText(password, decoded.substring(colon + 1));
            return userOk & passwordOk ? Optional.empty() : Optional.of("Invalid credentials");
        }

        @Override
        public String challenge() {
            return "Basic realm=\"switchboard\", charset=\"UTF-8\"";
        }
    }

    static final class HmacSha256 extends WebhookAuth {
        private final SecretKeySpec key;
        private final String header;

        HmacSha256(String secret, String header) {
            this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            this.header = header;
        }

        @Override
        public Optional<String> reject(WebhookRequest request) {
            if (request.form() != null) {
                return Optional.of("Signed webhooks must not be form-encoded: the signature covers the raw body");
            }
            String given = request.header(header).orElse("").trim();
            if (given.isEmpty()) {
                return Optional.of("Missing signature header " + header);
            }
            if (given.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
                given = given.substring(7);
            }
            byte[] givenBytes;
            try {
                givenBytes = HexFormat.of().parseHex(given);
            } catch (IllegalArgumentException e) {
                return Optional.of("Invalid signature");
            }
            return sameBytes(sign(request.body()), givenBytes) ? Optional.empty() : Optional.of("Invalid signature");
        }

        byte[] sign(byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac.doFinal(body);
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
        }

        @Override
        public boolean needsRawBody() {
            return true;
        }
    }

    /** {@code sha256=<hex>} of a body, as a sender computes it; for tests and docs. */
    public static String signature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(new HmacSha256(secret, DEFAULT_SIGNATURE_HEADER).sign(body));
    }
}
