package dev.switchboard.runtime.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field a masking policy names, inside the event's data: {@code data.card.number},
 * {@code data.items[*].card} ({@code [*]}: every element of an array), {@code data.items[0].sku}.
 * Only read and compared, never evaluated.
 *
 * @param steps field names ({@link String}), array indexes ({@link Integer}) and {@link #EVERY}
 */
public record MaskPath(String text, List<Object> steps) {
    /** The step {@code [*]}: every element of an array. */
    public static final Object EVERY = new Object() {
        @Override
        public String toString() {
            return "[*]";
        }
    };

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[(?:\\*|\\d+)])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\*|\\d+)]");

    public MaskPath {
        steps = List.copyOf(steps);
    }

    /**
     * Parses a path that starts with {@code data}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static MaskPath parse(String text) {
        String[] segments = text.split("\\.", -1);
        if (!segments[0].startsWith("data")) {
            throw new IllegalArgumentException(
                    "'" + text + "' must start with data (masking applies to the event's data), e.g. data.card.number");
        }
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            Matcher m = SEGMENT.matcher(segments[i]);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "': segment " + (i + 1) + " ('" + segments[i]
                        + "') is not a field name, optionally followed by [*] or [n]");
            }
            if (i == 0 && !m.group(1).equals("data")) {
                throw new IllegalArgumentException("'" + text + "' must start with data, e.g. data.card.number");
            }
            if (i > 0) {
                steps.add(m.group(1));
            }
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                steps.add(index.group(1).equals("*") ? EVERY : Integer.valueOf(index.group(1)));
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + text + "' names the whole data: name a field in it, e.g. data.email");
        }
        return new MaskPath(text, steps);
    }

    @Override
    public String toString() {
        return text;
    }
}
