package dev.switchboard.runtime.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.switchboard.runtime.format.JsonSchemaValidators;
import dev.switchboard.runtime.validate.SchemaMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The published test-file schema ({@value #RESOURCE}; docs/schema/flow-test.schema.json is a copy)
 * run by the same json-schema-validator the flow files use, its findings worded as theirs are
 * ({@link SchemaMessages}).
 */
final class FlowTestSchema {
    static final String RESOURCE = "/dev/switchboard/runtime/flowtest/flow-test.schema.json";

    private static final JsonNode SCHEMA_TREE = read();
    private static final Schema SCHEMA = JsonSchemaValidators.REGISTRY.getSchema(SCHEMA_TREE);
    private static final SchemaMessages MESSAGES = new SchemaMessages(SCHEMA_TREE, "test file", "the test file");

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
        String pointer = SchemaMessages.pointer(error);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        if (keyword.equals("minProperties") || keyword.equals("maxProperties")) {
            return new TestFileProblem(
                    pointer,
                    pointer.contains("/stubs/")
                            ? "A stub has exactly one of 'reply', 'merge', 'data' or 'error'"
                            : (pointer.isEmpty() ? "The test file" : SchemaMessages.field(pointer))
                                    + " must name at least one field");
        }
        SchemaMessages.Finding finding = MESSAGES.word(error);
        return new TestFileProblem(finding.pointer(), finding.message());
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
