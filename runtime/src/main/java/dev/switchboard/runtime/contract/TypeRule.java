package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code type}: a type no longer allowed narrows the schema, a newly allowed one widens it. */
final class TypeRule implements CompatibilityRule {

    @Override
    public Set<String> keywords() {
        return Set.of("type");
    }

    @Override
    public void compare(JsonNode before, JsonNode after, String pointer, Nested nested, List<SchemaChange> changes) {
        Set<String> old = types(before);
        Set<String> next = types(after);
        if (old == null && next == null) {
            return;
        }
        if (old == null) {
            changes.add(SchemaChange.narrowing(pointer, "type restricted to " + String.join(", ", next)));
            return;
        }
        if (next == null) {
            changes.add(SchemaChange.widening(pointer, "type restriction " + String.join(", ", old) + " removed"));
            return;
        }
        for (String type : old) {
            if (!allows(next, type)) {
                changes.add(SchemaChange.narrowing(
                        pointer,
                        "type narrowed: " + type + " no longer allowed (now " + String.join(", ", next) + ")"));
            }
        }
        for (String type : next) {
            if (!allows(old, type)) {
                changes.add(SchemaChange.widening(
                        pointer, "type widened: " + type + " now allowed (was " + String.join(", ", old) + ")"));
            }
        }
    }

    /** The allowed types; null when the schema allows any. */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private static boolean allows(Set<String> types, String type) {
        return types.contains(type) || type.equals("integer") && types.contains("number");
    }
}
