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
    private static final SchemaMessages MESSAGES = new SchemaMessages(SCHEMA_TREE, "flow file", SchemaCheck::describe);

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
        String pointer = SchemaMessages.pointer(error);
        JsonNode instance = error.getInstanceNode();
        String nodeId = nodeIdAt(pointer, root);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        if (keyword.equals("const") && pointer.equals("/format")) {
            return Problem.nodeError(pointer, null, null, unsupportedFormat(instance));
        }
        if (keyword.equals("pattern")) {
            return Problem.nodeError(
                    pointer,
                    nodeId,
                    null,
                    Quote.single(instance.asText()) + " is not a valid id: use letters, "
                            + "digits, '-' and '_', starting with a letter or digit (ids become part of Camel endpoint names)");
        }
        SchemaMessages.Finding finding = MESSAGES.word(error);
        String hint = keyword.equals("required") ? requiredHint(pointer, error.getProperty()) : "";
        return Problem.nodeError(finding.pointer(), nodeId, null, finding.message() + hint);
    }

    static String unsupportedFormat(JsonNode value) {
        String shown = value == null
                ? "null"
                : value.isTextual() ? Quote.single(value.textValue()) : SchemaMessages.shown(value);
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
        return SchemaMessages.field(pointer);
    }

    private static String nodeIdAt(String pointer, JsonNode root) {
        if (!pointer.startsWith("/nodes/")) {
            return null;
        }
        String[] tokens = pointer.split("/");
        JsonNode id = root.path("nodes").path(Integer.parseInt(tokens[2])).path("id");
        return id.isTextual() ? id.textValue() : null;
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
