package dev.switchboard.designer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Example data that a contract's JSON Schema accepts, for the Inject tab: its required properties
 * (all of them for nested objects too) with a value of the right type: the schema's {@code const},
 * {@code default} or first {@code examples}/{@code enum} value when it gives one, else a value
 * within {@code minimum}/{@code minLength}. Also lists the property paths for {@code {{data.…}}}
 * suggestions. Local {@code $ref}s, combinators and patterns are beyond it: the sample then
 * misses what they demand, and the contract's refusal in the Inject tab says what.
 */
public final class SchemaSample {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deep enough for real documents, shallow enough that a self-referencing schema ends. */
    private static final int MAX_DEPTH = 8;

    private SchemaSample() {}

    /** Data the schema accepts, as far as its keywords above go. */
    public static JsonNode of(JsonNode schema) {
        return value(schema, 0);
    }

    /** Every property path the schema declares, e.g. {@code customer.email}, outer ones first. */
    public static List<String> paths(JsonNode schema) {
        List<String> found = new ArrayList<>();
        collect(schema, "", found, 0);
        return found;
    }

    private static void collect(JsonNode schema, String prefix, List<String> found, int depth) {
        JsonNode properties = schema == null ? null : schema.get("properties");
        if (properties == null || !properties.isObject() || depth > MAX_DEPTH) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String path = prefix + p.getKey();
            found.add(path);
            collect(p.getValue(), path + ".", found, depth + 1);
        }
    }

    private static JsonNode value(JsonNode schema, int depth) {
        if (schema == null || !schema.isObject()) {
            return NODES.textNode("example");
        }
        for (String given : List.of("const", "default")) {
            if (schema.has(given)) {
                return schema.get(given);
            }
        }
        for (String listed : List.of("examples", "enum")) {
            JsonNode values = schema.get(listed);
            if (values != null && values.isArray() && !values.isEmpty()) {
                return values.get(0);
            }
        }
        return switch (type(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            case "integer" -> NODES.numberNode(Math.max(1, (long) Math.ceil(minimum(schema))));
            case "number" -> NODES.numberNode(Math.max(1.5, minimum(schema) + 1));
            case "boolean" -> NODES.booleanNode(true);
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(text(schema));
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isArray() && !type.isEmpty()) {
            type = type.get(0);
        }
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private static ObjectNode object(JsonNode schema, int depth) {
        ObjectNode sample = NODES.objectNode();
        JsonNode properties = schema.get("properties");
        JsonNode required = schema.get("required");
        if (depth > MAX_DEPTH || properties == null || required == null || !required.isArray()) {
            return sample;
        }
        for (JsonNode name : required) {
            sample.set(name.asText(), value(properties.get(name.asText()), depth + 1));
        }
        return sample;
    }

    private static ArrayNode array(JsonNode schema, int depth) {
        ArrayNode sample = NODES.arrayNode();
        int items = Math.max(1, schema.path("minItems").asInt(1));
        for (int i = 0; i < items && depth <= MAX_DEPTH; i++) {
            sample.add(value(schema.get("items"), depth + 1));
        }
        return sample;
    }

    private static double minimum(JsonNode schema) {
        if (schema.has("exclusiveMinimum")) {
            return schema.get("exclusiveMinimum").asDouble() + 1;
        }
        return schema.path("minimum").asDouble(0);
    }

    private static String text(JsonNode schema) {
        String format = schema.path("format").asText("");
        String example = switch (format) {
            case "email" -> "someone@example.org";
            case "date" -> "2026-01-31";
            case "date-time" -> "2026-01-31T12:00:00Z";
            case "uri", "url" -> "https://example.org/";
            case "uuid" -> "123e4567-e89b-12d3-a456-426614174000";
            default -> "example";
        };
        int min = schema.path("minLength").asInt(0);
        StringBuilder padded = new StringBuilder(example);
        while (padded.length() < min) {
            padded.append('x');
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return padded.length() > max ? padded.substring(0, max) : padded.toString();
    }
}
