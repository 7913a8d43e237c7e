package dev.switchboard.runtime.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.format.JsonSchemaValidators;
import dev.switchboard.runtime.model.FlowFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The structural half of validation: the published JSON Schema ({@value #RESOURCE}) run by
 * networknt json-schema-validator, its findings turned into {@link Problem}s with plain wording.
 */
public final class SchemaCheck {
    /** Class-path location of the schema; docs/schema/flow.schema.json is a copy kept equal by a test. */
    public static final String RESOURCE = "/dev/switchboard/runtime/format/flow.schema.json";

    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final JsonNode SCHEMA_TREE = readSchemaTree();
    private static final Schema SCHEMA = JsonSchemaValidators.REGISTRY.getSchema(SCHEMA_TREE);

    private SchemaCheck() {}

    /** The schema text as published. */
    public static JsonNode schema() {
        return SCHEMA_TREE.deepCopy();
    }

    /** True for a valid flow or node id: it becomes part of Camel endpoint and route names. */
    public static boolean isValidId(String id) {
        return id != null && SLUG.matcher(id).matches();
    }

    /** Every structural problem in a parsed flow file. */
    public static List<Problem> check(JsonNode flowTree) {
        List<Problem> problems = new ArrayList<>();
        for (Error error : SCHEMA.validate(flowTree)) {
            problems.add(toProblem(error, flowTree));
        }
        return problems;
    }

    private static Problem toProblem(Error error, JsonNode root) {
        String pointer = error.getInstanceLocation().toString();
        JsonNode instance = error.getInstanceNode();
        String nodeId = nodeIdAt(pointer, root);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        switch (keyword) {
            case "const":
                if (pointer.equals("/format")) {
                    return Problem.nodeError(pointer, null, null, unsupportedFormat(instance));
                }
                return Problem.nodeError(pointer, nodeId, null, "must be " + error.getSchemaNode());
            case "required": {
                String missing = error.getProperty();
                return Problem.nodeError(
                        pointer,
                        nodeId,
                        null,
                        capitalise(describe(pointer, instance)) + " is missing the required property '" + missing + "'"
                                + requiredHint(pointer, missing));
            }
            case "additionalProperties": {
                String unknown = error.getProperty();
                List<String> allowed = allowedProperties(error);
                return Problem.nodeError(
                        Pointers.child(pointer, unknown),
                        nodeId,
                        null,
                        "Unknown property " + Quote.single(unknown) + " in " + describe(pointer, instance) + "."
                                + Suggestions.didYouMean(unknown, allowed)
                                + " Allowed: " + String.join(", ", allowed));
            }
            case "type":
                if (pointer.isEmpty()) {
                    return Problem.error(pointer, "A flow file must hold one JSON object, not " + shown(instance));
                }
                return Problem.nodeError(
                        pointer,
                        nodeId,
                        null,
                        fieldName(pointer) + " must be "
                                + typeName(error.getSchemaNode().asText()) + ", not " + shown(instance));
            case "pattern":
                return Problem.nodeError(
                        pointer,
                        nodeId,
                        null,
                        Quote.single(instance.asText()) + " is not a valid id: use letters, "
                                + "digits, '-' and '_', starting with a letter or digit (ids become part of Camel endpoint names)");
            case "minLength":
                return Problem.nodeError(pointer, nodeId, null, fieldName(pointer) + " must not be empty");
            case "minimum":
                return Problem.nodeError(
                        pointer,
                        nodeId,
                        null,
                        fieldName(pointer) + " must be at least "
                                + error.getSchemaNode().asText() + ", not " + shown(instance));
            case "enum": {
                List<String> allowed = new ArrayList<>();
                error.getSchemaNode().forEach(v -> allowed.add(v.asText()));
                return Problem.nodeError(
                        pointer,
                        nodeId,
                        null,
                        fieldName(pointer) + " must be one of " + String.join(", ", allowed) + ", not "
                                + shown(instance));
            }
            default:
                return Problem.nodeError(pointer, nodeId, null, error.getMessage());
        }
    }

    static String unsupportedFormat(JsonNode value) {
        String shown = value == null ? "null" : value.isTextual() ? Quote.single(value.textValue()) : shown(value);
        return "Unsupported format " + shown + ": this Switchboard reads \"" + FlowFormat.CURRENT + "\" files";
    }

    private static String requiredHint(String pointer, String missing) {
        if (pointer.isEmpty() && missing.equals("format")) {
            return " (add \"format\": \"" + FlowFormat.CURRENT + "\")";
        }
        if (pointer.isEmpty() && missing.equals("nodes")) {
            return " (a list of nodes, may be empty: \"nodes\": [])";
        }
        if (pointer.startsWith("/nodes/") && missing.equals("type")) {
            return " (the connector id, e.g. webhook; `switchboard connectors` lists them)";
        }
        return "";
    }

    /** The property names the schema object that rejected an unknown property does allow. */
    private static List<String> allowedProperties(Error error) {
        String location = error.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        String keywordPointer = hash < 0 ? "" : location.substring(hash + 1);
        String objectPointer = keywordPointer.substring(0, Math.max(0, keywordPointer.lastIndexOf('/')));
        List<String> names = new ArrayList<>();
        SCHEMA_TREE.at(objectPointer).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String describe(String pointer, JsonNode instance) {
        if (pointer.isEmpty()) {
            return "the flow";
        }
        if (pointer.matches("/nodes/\\d+")) {
            return instance != null && instance.path("id").isTextual()
                    ? "node " + Quote.single(instance.get("id").textValue())
                    : "the node";
        }
        if (pointer.matches("/wires/\\d+")) {
            return "the wire";
        }
        return Quote.single(lastToken(pointer));
    }

    private static String nodeIdAt(String pointer, JsonNode root) {
        if (!pointer.startsWith("/nodes/")) {
            return null;
        }
        String[] tokens = pointer.split("/");
        JsonNode id = root.path("nodes").path(Integer.parseInt(tokens[2])).path("id");
        return id.isTextual() ? id.textValue() : null;
    }

    /** 'backoff', or item 0 of 'tags' for array elements. */
    private static String fieldName(String pointer) {
        String last = lastToken(pointer);
        if (last.chars().allMatch(Character::isDigit)) {
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            return "item " + last + " of " + Quote.single(lastToken(parent));
        }
        return Quote.single(last);
    }

    private static String lastToken(String pointer) {
        String token = pointer.substring(pointer.lastIndexOf('/') + 1);
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** How a wrong value is quoted back: scalars as written, containers by kind. */
    static String shown(JsonNode node) {
        if (node == null || node.isNull()) return "null";
        if (node.isTextual())
            return "the text \"" + Quote.shorten(node.textValue()) + "\"" + Quote.lengthNote(node.textValue());
        if (node.isNumber()) return Quote.number(node.decimalValue());
        if (node.isValueNode()) return node.toString();
        return typeName(jsonType(node));
    }

    private static String jsonType(JsonNode node) {
        if (node == null || node.isNull()) return "null";
        if (node.isTextual()) return "string";
        if (node.isIntegralNumber()) return "integer";
        if (node.isNumber()) return "number";
        if (node.isBoolean()) return "boolean";
        if (node.isArray()) return "array";
        return "object";
    }

    static String typeName(String jsonType) {
        return switch (jsonType) {
            case "string" -> "text (a JSON string)";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list (JSON array)";
            case "object" -> "an object";
            case "null" -> "null";
            default -> jsonType;
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static JsonNode readSchemaTree() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The flow schema " + RESOURCE + " is missing from the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
