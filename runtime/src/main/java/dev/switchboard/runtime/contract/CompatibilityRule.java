package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** One aspect of a JSON Schema compared between two versions of it, at one place in both. */
interface CompatibilityRule {

    /** The keywords this rule understands; keywords no rule claims are compared conservatively. */
    Set<String> keywords();

    /**
     * Adds what changed at {@code pointer} between the old and the new schema object.
     *
     * @param nested compares two subschemas found below this place (properties, items)
     */
    void compare(JsonNode before, JsonNode after, String pointer, Nested nested, List<SchemaChange> changes);

    /** The checker itself, for rules that descend. */
    @FunctionalInterface
    interface Nested {
        void compare(JsonNode before, JsonNode after, String pointer, List<SchemaChange> changes);
    }
}
