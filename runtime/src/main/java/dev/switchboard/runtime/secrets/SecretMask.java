package dev.switchboard.runtime.secrets;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blanks every secret value the compiler resolved out of text the runtime stores (run snapshots,
 * dead-letter errors). Values are learnt at compile time, so the mask knows exactly what to hide:
 * the raw value and its JSON-escaped form.
 */
public final class SecretMask {
    public static final String MASK = "***";
    /** Shorter values would blank ordinary words; the validator asks for real secrets anyway. */
    private static final int MIN_LENGTH = 4;
    private final Set<String> values = ConcurrentHashMap.newKeySet();
    private volatile List<String> longestFirst = List.of();

    public void add(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            return;
        }
        boolean changed = values.add(value) | values.add(jsonEscaped(value));
        if (changed) {
            longestFirst = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String value : longestFirst) {
            if (result.contains(value)) {
                result = result.replace(value, MASK);
            }
        }
        return result;
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
