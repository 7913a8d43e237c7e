package dev.switchboard.runtime.flowtest;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.flowtest.FlowTestResult.Difference;
import dev.switchboard.runtime.format.FlowCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Compares an expected JSON value with an actual one and lists where they differ, by JSON pointer.
 * A subset comparison lets the actual objects have fields the expected ones do not name; an exact
 * one does not. Arrays always compare element by element, with the same length. Numbers compare
 * by value ({@code 42} equals {@code 42.0}). The walk keeps its own stack: no recursion.
 */
final class JsonDiff {
    static final String MISSING = "(missing)";
    private static final int SHOWN_CHARS = 200;

    private JsonDiff() {}

    /** Every difference; empty when {@code actual} matches {@code expected}. */
    static List<Difference> compare(ConfigValue expected, ConfigValue actual, boolean exact) {
        List<Difference> differences = new ArrayList<>();
        Deque<Pair> pending = new ArrayDeque<>();
        pending.push(new Pair("", expected, actual));
        while (!pending.isEmpty()) {
            Pair pair = pending.pop();
            compareOne(pair, exact, pending, differences);
        }
        differences.sort((a, b) -> a.pointer().compareTo(b.pointer()));
        return differences;
    }

    private static void compareOne(Pair pair, boolean exact, Deque<Pair> pending, List<Difference> differences) {
        ConfigValue expected = pair.expected();
        ConfigValue actual = pair.actual();
        if (expected instanceof ConfigValue.Fields want && actual instanceof ConfigValue.Fields have) {
            for (Map.Entry<String, ConfigValue> field : want.values().entrySet()) {
                String pointer = pair.pointer() + "/" + escape(field.getKey());
                ConfigValue found = have.values().get(field.getKey());
                if (found == null) {
                    differences.add(new Difference(pointer, show(field.getValue()), MISSING));
                } else {
                    pending.push(new Pair(pointer, field.getValue(), found));
                }
            }
            if (exact) {
                for (Map.Entry<String, ConfigValue> field : have.values().entrySet()) {
                    if (!want.values().containsKey(field.getKey())) {
                        differences.add(new Difference(
                                pair.pointer() + "/" + escape(field.getKey()), "(absent)", show(field.getValue())));
                    }
                }
            }
            return;
        }
        if (expected instanceof ConfigValue.Items want && actual instanceof ConfigValue.Items have) {
            if (want.values().size() != have.values().size()) {
                differences.add(new Difference(
                        pair.pointer(),
                        show(expected) + " (" + want.values().size() + " items)",
                        show(actual) + " (" + have.values().size() + " items)"));
                return;
            }
            for (int i = 0; i < want.values().size(); i++) {
                pending.push(new Pair(
                        pair.pointer() + "/" + i,
                        want.values().get(i),
                        have.values().get(i)));
            }
            return;
        }
        if (!sameValue(expected, actual)) {
            differences.add(new Difference(pair.pointer(), show(expected), show(actual)));
        }
    }

    /** Scalars equal by JSON value; containers only through {@link #compare}. */
    static boolean sameValue(ConfigValue expected, ConfigValue actual) {
        if (expected instanceof ConfigValue.Num want && actual instanceof ConfigValue.Num have) {
            return want.value().compareTo(have.value()) == 0;
        }
        if (expected instanceof ConfigValue.Fields || expected instanceof ConfigValue.Items) {
            return compare(expected, actual, true).isEmpty();
        }
        return expected.equals(actual);
    }

    /** A value as compact JSON, shortened when long. */
    static String show(ConfigValue value) {
        if (value == null) {
            return MISSING;
        }
        String json = FlowCodec.writeValueToString(value);
        return json.length() <= SHOWN_CHARS
                ? json
                : json.substring(0, SHOWN_CHARS) + "… (" + json.length() + " characters)";
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private record Pair(String pointer, ConfigValue expected, ConfigValue actual) {}
}
