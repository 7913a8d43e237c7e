package dev.switchboard.designer.model;

import dev.switchboard.connector.spi.PropertySpec;
import java.util.Map;

/**
 * The words a choice list shows for option codes that read badly, e.g. a rule's operator
 * {@code gt} as "greater than". Flow files keep the codes; only the labels change.
 */
public final class OptionWords {
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("eq", "equals"),
            Map.entry("ne", "does not equal"),
            Map.entry("gt", "greater than"),
            Map.entry("gte", "greater than or equal to"),
            Map.entry("lt", "less than"),
            Map.entry("lte", "less than or equal to"),
            Map.entry("contains", "contains"),
            Map.entry("startsWith", "starts with"),
            Map.entry("exists", "exists"),
            Map.entry("in", "is one of"),
            Map.entry("matches", "matches the pattern"));

    private OptionWords() {}

    /** The label of {@code option} in a field of this spec; the option itself when it has none. */
    public static String label(PropertySpec spec, String option) {
        if (option == null) {
            return "";
        }
        if (spec.name().equals("op")) {
            return OPERATORS.getOrDefault(option, option);
        }
        return option;
    }

    /** The option whose label is {@code text} (or {@code text} itself when no label matches). */
    public static String option(PropertySpec spec, String text) {
        return spec.options().stream()
                .filter(o -> label(spec, o).equals(text))
                .findFirst()
                .orElse(text);
    }
}
