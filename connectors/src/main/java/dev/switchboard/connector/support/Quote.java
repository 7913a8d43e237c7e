package dev.switchboard.connector.support;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How a value from a flow file is quoted back in a problem message: short values as they are,
 * long ones cut to {@value #MAX_SHOWN} characters with "…" and their length. A message is one line
 * a person reads; a 20 MB value pasted into it (or a billion-digit number written out) helps nobody
 * and can take the process down.
 */
public final class Quote {
    /** Characters of a value shown before it is cut. */
    public static final int MAX_SHOWN = 60;
    /** Longest problem message; beyond it the message is cut (see {@link #withinMessage}). */
    public static final int MAX_MESSAGE = 2_000;

    private Quote() {}

    /** {@code 'value'}, or {@code 'first sixty characters…' (20,000,000 characters)}; line breaks shown as \n. */
    public static String single(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + shorten(value) + "'" + lengthNote(value);
    }

    /** The value itself, cut to {@value #MAX_SHOWN} characters with "…" when longer; control characters escaped. */
    public static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        int end = Math.min(value.length(), MAX_SHOWN);
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never cut a character in half
        }
        StringBuilder out = new StringBuilder(end + 8);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return end < value.length() ? out.append('…').toString() : out.toString();
    }

    /** " (20,000,000 characters)" when the value is cut, else empty. */
    public static String lengthNote(String value) {
        return value != null && value.length() > MAX_SHOWN
                ? " (" + String.format(Locale.ROOT, "%,d", value.length()) + " characters)"
                : "";
    }

    /**
     * A safety net for messages built elsewhere (a plug-in connector's checks): every text between
     * single or double quotes longer than twice {@value #MAX_SHOWN} characters is cut as
     * {@link #single} would, and the message as a whole is cut at {@value #MAX_MESSAGE} characters.
     * Linear in the message's length whatever its quotes.
     */
    public static String withinMessage(String message) {
        if (message == null || message.length() <= 2 * MAX_SHOWN) {
            return message;
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_MESSAGE + 64));
        int i = 0;
        while (i < message.length() && out.length() <= MAX_MESSAGE) {
            char c = message.charAt(i);
            // an apostrophe inside a word ("can't") opens nothing
            boolean opens = (c == '\'' || c == '"') && (i == 0 || !Character.isLetterOrDigit(message.charAt(i - 1)));
            int close = opens ? message.indexOf(c, i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String inside = message.substring(i + 1, close);
            if (inside.length() > 2 * MAX_SHOWN) {
                out.append(c).append(shorten(inside)).append(c).append(lengthNote(inside));
            } else {
                out.append(c).append(inside).append(c);
            }
            i = close + 1;
        }
        if (i < message.length() || out.length() > MAX_MESSAGE) {
            out.setLength(Math.min(out.length(), MAX_MESSAGE));
            out.append("… (message cut at ").append(MAX_MESSAGE).append(" characters)");
        }
        return out.toString();
    }

    /**
     * A number as written, or in scientific notation when its plain form would be long:
     * {@code 1e999999999} is shown as {@code 1E+999999999}, never as a billion digits.
     */
    public static String number(BigDecimal value) {
        long integerDigits = Math.max(1L, (long) value.precision() - value.scale());
        long plainLength = integerDigits + Math.max(0, value.scale());
        String text = plainLength <= MAX_SHOWN ? value.toPlainString() : value.toString();
        return text.length() <= MAX_SHOWN ? text : shorten(text) + lengthNote(text);
    }
}
