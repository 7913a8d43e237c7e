package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** {@code items} (one schema for every item): compared recursively; adding or dropping it narrows or widens. */
final class ItemsRule implements CompatibilityRule {

    @Override
    public Set<String> keywords() {
        return Set.of("items");
    }

    @Override
    public void compare(JsonNode before, JsonNode after, String pointer, Nested nested, List<SchemaChange> changes) {
        JsonNode old = before.get("items");
        JsonNode next = after.get("items");
        String at = pointer + "/items";
        if (old == null && next == null) {
            return;
        }
        if (old == null) {
            changes.add(SchemaChange.narrowing(at, "items restricted by a schema"));
        } else if (next == null) {
            changes.add(SchemaChange.widening(at, "items schema removed: any item allowed"));
        } else {
            nested.compare(old, next, at, changes);
        }
    }
}
