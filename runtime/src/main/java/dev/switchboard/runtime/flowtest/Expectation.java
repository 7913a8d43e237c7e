package dev.switchboard.runtime.flowtest;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.FieldPath;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Something a case says must have happened at a node (format: docs/flow-tests.md). */
public sealed interface Expectation {

    /** Where the expectation is in the test file: what a failure names. */
    String pointer();

    /** The node it is about. */
    String node();

    /**
     * Where events are looked at: those leaving {@code node} through {@code port}, or with
     * {@code input} those entering it.
     */
    record Spot(String node, String port, boolean input) {
        public Spot {
            Objects.requireNonNull(node, "node");
            port = port == null ? "out" : port;
        }

        /** "the event leaving 'greet' through 'out'" */
        public String describe() {
            return "the " + what();
        }

        /** "event leaving 'greet' through 'out'" */
        public String what() {
            return input ? "event entering '" + node + "'" : "event leaving '" + node + "' through '" + port + "'";
        }
    }

    /**
     * An event there matches {@code expected}: with {@code exact} its data equals {@code expected}
     * (no other fields); otherwise every field {@code expected} names (CloudEvents attributes, data)
     * has that value, arrays element by element, and other fields may exist.
     */
    record EventMatch(String pointer, Spot spot, ConfigValue expected, boolean exact) implements Expectation {
        public String node() {
            return spot.node();
        }
    }

    /** An event there whose fields (FieldPath look-ups like {@code data.items[0].sku}) all pass their matchers. */
    record FieldsMatch(String pointer, Spot spot, Map<FieldPath, FieldMatcher> fields) implements Expectation {
        public FieldsMatch {
            fields = Map.copyOf(fields);
        }

        public String node() {
            return spot.node();
        }
    }

    /**
     * The event reached {@code node} and was (or with {@code filtered} false: was not) stopped there:
     * without a port, it left through an unwired port other than {@code out} — what the runtime
     * counts as filtered; with a port, it did not leave through that port.
     */
    record Filtered(String pointer, String node, String port, boolean filtered) implements Expectation {}

    /** The event went to the dead letters at {@code node}, with an error containing {@code errorContains}. */
    record DeadLettered(String pointer, String node, String errorContains) implements Expectation {}

    /**
     * The action {@code node} was called {@code count} times, counting only calls whose event
     * matches {@code with} and, for an {@code http.request}, whose request matches {@code request}
     * (subset matches; either may be null).
     */
    record Calls(String pointer, String node, int count, ConfigValue with, ConfigValue request)
            implements Expectation {}

    /** One field's test. */
    sealed interface FieldMatcher {
        /** Equal JSON (numbers by value: 42 equals 42.0). */
        record EqualTo(ConfigValue value) implements FieldMatcher {}

        /** A text containing {@code text}. */
        record Contains(String text) implements FieldMatcher {}

        /** A text the regular expression matches somewhere (use ^ and $ for the whole text). */
        record Matches(Pattern pattern) implements FieldMatcher {}

        /** The field is there (any value, null included) or, with false, absent. */
        record Exists(boolean exists) implements FieldMatcher {}
    }
}
