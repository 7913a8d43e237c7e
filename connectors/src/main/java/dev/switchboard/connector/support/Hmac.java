package dev.switchboard.connector.support;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over raw bytes, and constant-time comparison of a signature a caller sent with the
 * one computed: the webhook's hmac-sha256 and every SaaS signature scheme sign the bytes received,
 * never a re-serialised body.
 */
public final class Hmac {
    private Hmac() {}

    /** HMAC-SHA256 with {@code secret} (UTF-8) over the concatenation of {@code parts}. */
    public static byte[] sha256(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code givenHex} (either case) is the hex of {@code expected}; constant time in the bytes compared. */
    public static boolean matchesHex(byte[] expected, String givenHex) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(givenHex.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /** Whether {@code givenBase64} decodes to {@code expected}; constant time in the bytes compared. */
    public static boolean matchesBase64(byte[] expected, String givenBase64) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(givenBase64.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /** Whether {@code text} is exactly {@code digits} ASCII hex digits. */
    public static boolean isHex(String text, int digits) {
        if (text.length() != digits) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // ASCII only: Character.digit would also take other scripts' digits, which no parser of hex does
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
