package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code properties} and {@code required}: fields added, removed, newly required or no longer
 * required, and each field kept compared recursively. Fields an open content model does not
 * declare are taken as unused, so adding an optional field to an open object, or removing one
 * from it, changes nothing; against a closed object ({@code additionalProperties: false}) it does.
 */
final class PropertiesRule implements CompatibilityRule {

    @Override
    public Set<String> keywords() {
        return Set.of("properties", "required");
    }

    @Override
    public void compare(JsonNode before, JsonNode after, String pointer, Nested nested, List<SchemaChange> changes) {
        JsonNode oldProps = before.path("properties");
        JsonNode newProps = after.path("properties");
        Set<String> oldRequired = required(before);
        Set<String> newRequired = required(after);
        Set<String> names = new LinkedHashSet<>();
        oldProps.fieldNames().forEachRemaining(names::add);
        newProps.fieldNames().forEachRemaining(names::add);
        names.addAll(oldRequired);
        names.addAll(newRequired);
        for (String name : names) {
            String at = pointer + "/properties/" + escape(name);
            boolean inOld = oldProps.has(name);
            boolean inNew = newProps.has(name);
            if (inOld && !inNew) {
                if (AdditionalPropertiesRule.isClosed(after)) {
                    changes.add(SchemaChange.narrowing(
                            at, "field '" + name + "' removed while other fields are not allowed"));
                }
            } else if (!inOld && inNew) {
                if (AdditionalPropertiesRule.isClosed(before)) {
                    changes.add(SchemaChange.widening(
                            at, "field '" + name + "' added, which the previous version does not allow"));
                }
            } else if (inOld) {
                nested.compare(oldProps.get(name), newProps.get(name), at, changes);
            }
            if (newRequired.contains(name) && !oldRequired.contains(name)) {
                changes.add(SchemaChange.narrowing(at, "required field '" + name + "' added"));
            } else if (oldRequired.contains(name) && !newRequired.contains(name)) {
                changes.add(SchemaChange.widening(
                        at,
                        inNew ? "field '" + name + "' no longer required" : "required field '" + name + "' removed"));
            }
        }
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            required.forEach(r -> names.add(r.asText()));
        }
        return names;
    }

    /** RFC 6901: '~' and '/' in a name. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
