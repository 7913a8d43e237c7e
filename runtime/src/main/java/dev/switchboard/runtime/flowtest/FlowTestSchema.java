package dev.switchboard.runtime.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.format.JsonSchemaValidators;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The published test-file schema ({@value #RESOURCE}; docs/schema/flow-test.schema.json is a copy)
 * run by the same json-schema-validator the flow files use, its findings worded plainly.
 */
final class FlowTestSchema {
    static final String RESOURCE = "/dev/switchboard/runtime/flowtest/flow-test.schema.json";

    private static final JsonNode SCHEMA_TREE = read();
    private static final Schema SCHEMA = JsonSchemaValidators.REGISTRY.getSchema(SCHEMA_TREE);

    private FlowTestSchema() {}

    static List<TestFileProblem> check(JsonNode tree) {
        List<TestFileProblem> problems = new ArrayList<>();
        for (Error error : SCHEMA.validate(tree)) {
            problems.add(toProblem(error));
        }
        problems.sort((a, b) -> a.pointer().compareTo(b.pointer()));
        return problems;
    }

    private static TestFileProblem toProblem(Error error) {
        String pointer = error.getInstanceLocation().toString();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String where = pointer.isEmpty() ? "The test file" : Quote.single(lastToken(pointer));
        return switch (keyword) {
            case "required" ->
                new TestFileProblem(
                        pointer, where + " is missing the required property " + Quote.single(error.getProperty()));
            case "additionalProperties" ->
                new TestFileProblem(
                        pointer + "/" + error.getProperty(),
                        "Unknown property " + Quote.single(error.getProperty()) + allowed(error));
            case "type" ->
                new TestFileProblem(
                        pointer,
                        pointer.isEmpty()
                                ? "A test file must hold one JSON object"
                                : where + " must be "
                                        + typeName(error.getSchemaNode().asText()) + ", not "
                                        + shown(error.getInstanceNode()));
            case "enum" ->
                new TestFileProblem(
                        pointer,
                        where + " must be one of " + error.getSchemaNode() + ", not " + shown(error.getInstanceNode()));
            case "minItems" -> new TestFileProblem(pointer, where + " must not be empty");
            case "minLength" -> new TestFileProblem(pointer, where + " must not be empty");
            case "minProperties", "maxProperties" ->
                new TestFileProblem(
                        pointer,
                        pointer.contains("/stubs/")
                                ? "A stub has exactly one of 'reply', 'merge', 'data' or 'error'"
                                : where + " must name at least one field");
            case "minimum", "maximum" ->
                new TestFileProblem(
                        pointer,
                        where + " must be " + (keyword.equals("minimum") ? "at least " : "at most ")
                                + error.getSchemaNode().asText() + ", not " + shown(error.getInstanceNode()));
            default -> new TestFileProblem(pointer, error.getMessage());
        };
    }

    private static String allowed(Error error) {
        String location = error.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        String keywordPointer = hash < 0 ? "" : location.substring(hash + 1);
        String objectPointer = keywordPointer.substring(0, Math.max(0, keywordPointer.lastIndexOf('/')));
        List<String> names = new ArrayList<>();
        SCHEMA_TREE.at(objectPointer).path("properties").fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "" : "; allowed here: " + String.join(", ", names);
    }

    private static String lastToken(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1)
                .replace("~1", "/")
                .replace("~0", "~");
    }

    private static String shown(JsonNode node) {
        if (node == null || node.isNull()) return "null";
        if (node.isTextual()) return Quote.single(node.textValue());
        if (node.isValueNode()) return node.toString();
        return node.isArray() ? "a list" : "an object";
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "string" -> "text (a JSON string)";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list (JSON array)";
            case "object" -> "an object";
            default -> jsonType;
        };
    }

    private static JsonNode read() {
        try (InputStream in = FlowTestSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The flow test schema " + RESOURCE + " is missing from the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
