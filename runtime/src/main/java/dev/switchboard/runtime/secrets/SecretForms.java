package dev.switchboard.runtime.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms a secret value takes in text the runtime stores: as written, JSON-escaped,
 * URL-encoded (percent-encoding, with {@code +} or {@code %20} for a space, either case of hex) and
 * base64 (standard and URL-safe, with and without padding).
 *
 * <p>A secret inside a longer base64'd text — the password in {@code Basic base64(user:password)} —
 * has no fixed encoding: its bytes may start at any of the three positions of a base64 group.
 * For each of the three, the characters that depend only on the secret's bytes (its "core") are
 * the same whatever surrounds it; masking all three cores hides the secret in any base64 text.
 * Only the one or two characters at each end, which mix in neighbouring bytes, stay visible.
 */
final class SecretForms {
    /**
     * Encoded forms shorter than this are not masked: a few base64 or percent-encoded characters
     * occur in ordinary text by chance. Every form of a secret of five bytes or more is long enough.
     */
    static final int MIN_ENCODED_LENGTH = 6;

    private static final Pattern PERCENT_HEX = Pattern.compile("%[0-9A-F]{2}");

    private SecretForms() {}

    static Set<String> of(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(jsonEscaped(secret));
        Set<String> encoded = new LinkedHashSet<>();
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        encoded.add(form);
        encoded.add(lowerHex(form));
        String percent = form.replace("+", "%20");
        encoded.add(percent);
        encoded.add(lowerHex(percent));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder encoder : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
            String whole = encoder.encodeToString(bytes);
            encoded.add(whole);
            encoded.add(whole.replace("=", ""));
            for (int offset = 0; offset < 3; offset++) {
                encoded.add(core(encoder, bytes, offset));
            }
        }
        encoded.stream().filter(e -> e.length() >= MIN_ENCODED_LENGTH).forEach(forms::add);
        return forms;
    }

    /**
     * The base64 characters fixed by the secret alone when its first byte sits {@code offset} bytes
     * into a group: character k carries bits 6k..6k+5 of the stream, so it is the secret's own when
     * those bits all fall inside the secret's bytes.
     */
    static String core(Base64.Encoder encoder, byte[] secret, int offset) {
        byte[] shifted = new byte[offset + secret.length];
        System.arraycopy(secret, 0, shifted, offset, secret.length);
        String encoded = encoder.withoutPadding().encodeToString(shifted);
        long firstBit = 8L * offset;
        long endBit = 8L * (offset + secret.length);
        StringBuilder core = new StringBuilder();
        for (int k = 0; k < encoded.length(); k++) {
            long start = 6L * k;
            if (start >= firstBit && start + 6 <= endBit) {
                core.append(encoded.charAt(k));
            }
        }
        return core.toString();
    }

    private static String lowerHex(String percentEncoded) {
        Matcher m = PERCENT_HEX.matcher(percentEncoded);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().toLowerCase(Locale.ROOT));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
