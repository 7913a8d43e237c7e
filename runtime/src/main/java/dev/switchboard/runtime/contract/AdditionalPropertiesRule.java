package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * {@code additionalProperties}: closing an object (to {@code false}) narrows it, opening it
 * widens it; a schema for the undeclared fields is compared recursively.
 */
final class AdditionalPropertiesRule implements CompatibilityRule {

    @Override
    public Set<String> keywords() {
        return Set.of("additionalProperties");
    }

    @Override
    public void compare(JsonNode before, JsonNode after, String pointer, Nested nested, List<SchemaChange> changes) {
        JsonNode old = before.get("additionalProperties");
        JsonNode next = after.get("additionalProperties");
        String at = pointer + "/additionalProperties";
        boolean oldOpen = isOpen(old);
        boolean newOpen = isOpen(next);
        if (oldOpen && newOpen || old != null && old.equals(next)) {
            return;
        }
        if (old != null && old.isObject() && next != null && next.isObject()) {
            nested.compare(old, next, at, changes);
        } else if (oldOpen) {
            changes.add(SchemaChange.narrowing(
                    at,
                    isClosed(after)
                            ? "additionalProperties closed: fields not declared are refused"
                            : "additionalProperties restricted by a schema"));
        } else if (newOpen) {
            changes.add(SchemaChange.widening(at, "additionalProperties opened: any undeclared field is allowed"));
        } else if (isClosed(before)) {
            changes.add(SchemaChange.widening(at, "additionalProperties opened to a schema"));
        } else {
            changes.add(SchemaChange.narrowing(at, "additionalProperties closed: fields not declared are refused"));
        }
    }

    /** Absent or {@code true}: any undeclared field is allowed. */
    private static boolean isOpen(JsonNode value) {
        return value == null || value.isBoolean() && value.booleanValue();
    }

    /** {@code additionalProperties: false}. */
    static boolean isClosed(JsonNode schema) {
        JsonNode value = schema.get("additionalProperties");
        return value != null && value.isBoolean() && !value.booleanValue();
    }
}
