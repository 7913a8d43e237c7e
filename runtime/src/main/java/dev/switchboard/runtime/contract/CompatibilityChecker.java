package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares two versions of a JSON Schema the way Confluent Schema Registry's compatibility modes
 * ask: which changes would data produced under one version notice when read under the other. A
 * small set of {@link CompatibilityRule}s, each for a few keywords ({@code type}, {@code enum},
 * {@code properties}/{@code required}, {@code additionalProperties}, {@code items}, numeric bounds),
 * descending into properties, items and additionalProperties; any other keyword that differs is
 * reported as breaking both ways. docs/contracts.md lists the rules.
 */
public final class CompatibilityChecker {
    private static final List<CompatibilityRule> RULES;

    static {
        List<CompatibilityRule> rules = new ArrayList<>(List.of(
                new TypeRule(),
                new EnumRule(),
                new PropertiesRule(),
                new AdditionalPropertiesRule(),
                new ItemsRule(),
                new BoundsRule()));
        Set<String> understood = new HashSet<>();
        rules.forEach(rule -> understood.addAll(rule.keywords()));
        rules.add(new OtherKeywordsRule(Set.copyOf(understood)));
        RULES = List.copyOf(rules);
    }

    private CompatibilityChecker() {}

    /** Every difference between the two versions, each saying which direction it breaks. */
    public static List<SchemaChange> changes(JsonNode before, JsonNode after) {
        List<SchemaChange> changes = new ArrayList<>();
        compare(before, after, "", changes);
        return changes;
    }

    /** The changes from {@code before} to {@code after} that {@code mode} does not allow. */
    public static List<SchemaChange> breakingChanges(JsonNode before, JsonNode after, CompatibilityMode mode) {
        return changes(before, after).stream().filter(mode::isBrokenBy).toList();
    }

    private static void compare(JsonNode before, JsonNode after, String pointer, List<SchemaChange> changes) {
        if (before.isObject() && after.isObject()) {
            for (CompatibilityRule rule : RULES) {
                rule.compare(before, after, pointer, CompatibilityChecker::compare, changes);
            }
            return;
        }
        if (before.equals(after)) {
            return;
        }
        // boolean schemas: true allows anything, false nothing
        if (isTrue(before)) {
            changes.add(SchemaChange.narrowing(pointer, "schema restricted (was: anything allowed)"));
        } else if (isTrue(after)) {
            changes.add(SchemaChange.widening(pointer, "schema dropped: anything allowed"));
        } else {
            changes.add(SchemaChange.either(pointer, "schema replaced (not compared in detail)"));
        }
    }

    private static boolean isTrue(JsonNode schema) {
        return schema.isBoolean() && schema.booleanValue() || schema.isObject() && schema.isEmpty();
    }
}
