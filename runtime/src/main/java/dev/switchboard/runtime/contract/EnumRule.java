package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.support.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code enum}: a removed value narrows the schema, an added one widens it. */
final class EnumRule implements CompatibilityRule {

    @Override
    public Set<String> keywords() {
        return Set.of("enum");
    }

    @Override
    public void compare(JsonNode before, JsonNode after, String pointer, Nested nested, List<SchemaChange> changes) {
        List<JsonNode> old = values(before);
        List<JsonNode> next = values(after);
        if (old == null && next == null) {
            return;
        }
        if (old == null) {
            changes.add(SchemaChange.narrowing(pointer, "enum added: only " + next.size() + " value(s) allowed"));
            return;
        }
        if (next == null) {
            changes.add(SchemaChange.widening(pointer, "enum removed: any value allowed"));
            return;
        }
        for (JsonNode value : old) {
            if (!next.contains(value)) {
                changes.add(SchemaChange.narrowing(pointer, "enum value " + shown(value) + " removed"));
            }
        }
        for (JsonNode value : next) {
            if (!old.contains(value)) {
                changes.add(SchemaChange.widening(pointer, "enum value " + shown(value) + " added"));
            }
        }
    }

    private static List<JsonNode> values(JsonNode schema) {
        JsonNode values = schema.get("enum");
        if (values == null || !values.isArray()) {
            return null;
        }
        List<JsonNode> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    private static String shown(JsonNode value) {
        return value.isTextual() ? Quote.single(value.textValue()) : Quote.single(value.toString());
    }
}
