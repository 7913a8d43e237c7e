package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The fields a registry's schemas annotate with {@code "x-classification": "pii"}, by classification,
 * as masking paths into the event's data: {@code data.customer.email}, {@code data.items[*].card}.
 * Every subject and every version is read, since events of an older version still flow. The walk
 * follows {@code properties}, {@code items} and {@code prefixItems} (as {@code [*]}), and the
 * subschemas of {@code allOf}/{@code anyOf}/{@code oneOf} at the same path; it does not follow
 * {@code $ref} (nor {@code $defs} on their own): annotate the field where the schema names it.
 */
public final class ClassifiedFields {
    public static final String KEYWORD = "x-classification";

    /** A name a dotted path can carry without quoting; other names cannot be masked by path. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[^.\\[\\]]+");

    private ClassifiedFields() {}

    /** classification → the paths annotated with it, sorted; read from every schema in {@code registry}. */
    public static Map<String, Set<String>> collect(SchemaRegistry registry) throws SchemaRegistryException {
        Map<String, Set<String>> found = new TreeMap<>();
        for (String subject : registry.subjects()) {
            for (int version : registry.versions(subject)) {
                registry.find(subject, version).ifPresent(schema -> walk(schema.schema(), "data", found));
            }
        }
        return found;
    }

    /** The classified paths of one schema. */
    public static Map<String, Set<String>> of(JsonNode schema) {
        Map<String, Set<String>> found = new TreeMap<>();
        walk(schema, "data", found);
        return found;
    }

    private static void walk(JsonNode schema, String path, Map<String, Set<String>> found) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        JsonNode classification = schema.get(KEYWORD);
        // the whole data cannot be masked by path: only fields inside it
        if (classification != null && classification.isTextual() && !path.equals("data")) {
            found.computeIfAbsent(classification.textValue(), c -> new TreeSet<>())
                    .add(path);
        }
        schema.path("properties").fields().forEachRemaining(field -> {
            if (PLAIN_NAME.matcher(field.getKey()).matches()) {
                walk(field.getValue(), path + "." + field.getKey(), found);
            }
        });
        walk(schema.get("items"), path + "[*]", found);
        schema.path("prefixItems").forEach(item -> walk(item, path + "[*]", found));
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            schema.path(combinator).forEach(sub -> walk(sub, path, found));
        }
    }
}
