package dev.switchboard.connector.webhook;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks that a webhook call comes from who it claims, on the raw request before any parsing.
 * Every comparison of a credential runs in constant time ({@link MessageDigest#isEqual}).
 *
 * <p>Two steps: {@link #rejectHeaders} looks at the headers alone and runs before the body is read,
 * so a caller without the right bearer token or basic credentials (or without a well-formed
 * signature) costs no memory for its body; {@link #reject} is the whole check, body included.
 */
public abstract sealed class WebhookAuth
        permits WebhookAuth.None, WebhookAuth.Bearer, WebhookAuth.Basic, HmacSignature {
    public static final String NONE = "none";
    public static final String BEARER = "bearer";
    public static final String BASIC = "basic";
    public static final String HMAC_SHA256 = "hmac-sha256";
    public static final String DEFAULT_SIGNATURE_HEADER = "X-Signature-256";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** Empty when the headers may pass (the body still to be checked); otherwise why not (safe to show the caller). */
    public abstract Optional<String> rejectHeaders(WebhookRequest request);

    /** Empty when the request may pass; otherwise why not (safe to show the caller). */
    public Optional<String> reject(WebhookRequest request) {
        return rejectHeaders(request);
    }

    /** The {@code WWW-Authenticate} challenge for a 401, or null. */
    public String challenge() {
        return null;
    }

    /** Builds the check a node's config asks for; fails on an empty credential. */
    public static WebhookAuth from(NodeConfig config) {
        return from(config, Clock.systemUTC());
    }

    static WebhookAuth from(NodeConfig config, Clock clock) {
        String scheme = config.string("auth", NONE);
        switch (scheme) {
            case NONE:
                return new None();
            case BEARER:
                return new Bearer(credential(config, "token"));
            case BASIC:
                return new Basic(credential(config, "username"), credential(config, "password"));
            case HMAC_SHA256:
                return new HmacSignature(
                        credential(config, "secret"),
                        config.string("signatureHeader", DEFAULT_SIGNATURE_HEADER),
                        config.string("timestampHeader", "").trim(),
                        config.duration("tolerance", DEFAULT_TOLERANCE),
                        clock);
            default:
                throw new IllegalArgumentException(
                        "auth '" + scheme + "' is not one of none, bearer, basic, hmac-sha256");
        }
    }

    private static String credential(NodeConfig config, String name) {
        String value = config.string(name, "");
        if (value.isEmpty()) {
            // an empty credential would let anyone in who sends an empty one
            throw new IllegalArgumentException(
                    name + " is required for auth " + config.string("auth", NONE) + " and must not be empty");
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
        public Optional<String> rejectHeaders(WebhookRequest request) {
            return Optional.empty();
        }
    }

    static final class Bearer extends WebhookAuth {
        private final String token;

        Bearer(String token) {
            this.token = token;
        }

        @Override
        public Optional<String> rejectHeaders(WebhookRequest request) {
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
        public Optional<String> rejectHeaders(WebhookRequest request) {
            String header = request.header("Authorization").orElse("").trim();
            if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return Optional.of("Missing basic credentials");
            }
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
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

    /** {@code sha256=<hex>} of a body, as a sender computes it; for tests and docs. */
    public static String signature(String secret, byte[] body) {
        return HmacSignature.PREFIX + HmacSignature.hex(HmacSignature.mac(secret, null, body));
    }

    /**
     * {@code sha256=<hex>} of {@code timestamp + "." + body}, as a sender computes it when the webhook
     * has a timestamp header; for tests and docs.
     */
    public static String signature(String secret, long timestampSeconds, byte[] body) {
        return HmacSignature.PREFIX
                + HmacSignature.hex(HmacSignature.mac(secret, Long.toString(timestampSeconds), body));
    }
}
