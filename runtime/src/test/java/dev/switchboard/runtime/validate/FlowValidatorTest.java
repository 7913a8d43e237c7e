package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlowValidatorTest {
    private static final FlowValidator VALIDATOR = new FlowValidator(ConnectorCatalog.load());

    @Test
    void flowUsingEveryPropertyTypeCorrectlyHasNoProblems() throws IOException {
        ValidationResult result = VALIDATOR.validate(BrokenFlowCorpusTest.read("/roundtrip/everything.flow.json"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.isValid()).isTrue();
        assertThat(result.flow().id()).isEqualTo("kitchen-sink");
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        ValidationResult result = VALIDATOR.validate(BrokenFlowCorpusTest.read("/broken/malformed-json.flow.json"));

        assertThat(result.flow()).isNull();
        Problem problem = result.problems().get(0);
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.toString()).startsWith("line 6, column 5: Not valid JSON");
    }

    @Test
    void duplicateKeyNamesTheKeyAndWhereItIs() throws IOException {
        Problem problem = VALIDATOR
                .validate(BrokenFlowCorpusTest.read("/broken/duplicate-json-key.flow.json"))
                .problems()
                .get(0);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message())
                .isEqualTo("The key \"id\" appears twice in the same object; each key may appear only once");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"[]", "\"flow\"", "42", "null", "{}", "{\"nodes\": [null, 1, \"x\"], \"wires\": [null, {}]}"})
    void oddDocumentsGiveProblemsNotExceptions(String json) {
        ValidationResult result = VALIDATOR.validate(json);

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @Test
    void arrayItemsAreNamedByPosition() {
        Problem problem = VALIDATOR.validate("""
                {"format": "switchboard/flow@1", "id": "f", "tags": ["ok", ""], "nodes": []}
                """).problems().get(0);

        assertThat(problem.pointer()).isEqualTo("/tags/1");
        assertThat(problem.message()).isEqualTo("item 1 of 'tags' must not be empty");
    }

    @Test
    void emptyFileSaysSo() {
        Problem problem = VALIDATOR.validate("  \n").problems().get(0);

        assertThat(problem.message()).contains("empty");
    }

    @Test
    void secretValuesAreNeverQuotedBackInMessages() throws IOException {
        String text = BrokenFlowCorpusTest.read("/roundtrip/everything.flow.json")
                .replace("{{secret:ORDERS_TOKEN}}\",", "s3cr3t-token\",")
                .replace("\"retries\": 3", "\"retries\": \"3\"")
                .replace("\"X-Source\": \"switchboard\"", "\"X-Api-Key\": \"k3y-value\"");

        List<Problem> problems = VALIDATOR.validate(text).problems();

        assertThat(problems)
                .extracting(Problem::pointer)
                .containsExactlyInAnyOrder(
                        "/nodes/1/config/token", "/nodes/1/config/retries", "/nodes/1/config/headers/X-Api-Key");
        assertThat(problems)
                .extracting(Problem::message)
                .noneMatch(m -> m.contains("s3cr3t") || m.contains("k3y-value"));
    }

    @Test
    void unsupportedFormatIsReportedAloneBecauseTheRestFollowsUnknownRules() {
        ValidationResult result = VALIDATOR.validate("""
                {"format": "switchboard/flow@9", "id": "x y", "nodes": [{"id": "a", "type": "nope"}], "extra": 1}
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/format");
            assertThat(p.message())
                    .isEqualTo("Unsupported format 'switchboard/flow@9': this Switchboard reads "
                            + "\"switchboard/flow@1\" files");
        });
    }

    @Test
    void structuralProblemHidesTheSemanticEchoOfTheSameMistake() {
        List<Problem> problems = VALIDATOR.validate("""
                {"format": "switchboard/flow@1", "id": "f", "nodes": [{"id": "a", "type": 42, "config": []}]}
                """).problems();

        assertThat(problems).extracting(Problem::pointer).containsExactly("/nodes/0/type", "/nodes/0/config");
        assertThat(problems.get(0).message()).isEqualTo("'type' must be text (a JSON string), not 42");
        assertThat(problems.get(1).message()).isEqualTo("'config' must be an object, not a list (JSON array)");
    }

    @Test
    void unknownPropertyNamesTheAllowedOnes() {
        Problem problem = VALIDATOR.validate("""
                {"format": "switchboard/flow@1", "id": "f", "nodes": [], "wire": []}
                """).problems().get(0);

        assertThat(problem.pointer()).isEqualTo("/wire");
        assertThat(problem.message())
                .isEqualTo("Unknown property 'wire' in the flow. Did you mean 'wires'? "
                        + "Allowed: format, id, name, description, tags, nodes, wires, settings");
    }

    @Test
    void inMemoryFlowIsCheckedAgainstTheSchemaToo() {
        Flow flow = Flow.empty("orders", "Orders")
                .withNodes(List.of(
                        new Node("in put", "test.inject", null, ConfigValue.object("channel", "c"), null),
                        new Node("out", "test.capture", null, ConfigValue.object("sink", "s"), null)))
                .withWires(List.of(Wire.of("in put", "out")));

        List<Problem> problems = VALIDATOR.validate(flow);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/nodes/0/id");
            assertThat(p.nodeId()).isEqualTo("in put");
            assertThat(p.message()).contains("is not a valid id");
        });
    }

    @Test
    void inMemoryFlowWithoutFormatIsReported() {
        Flow flow = new Flow(null, "f", null, null, null, List.of(), List.of(), null);

        assertThat(VALIDATOR.validate(flow))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("missing the required property 'format'"));
    }

    @Test
    void problemsInsideListItemsNameTheTopLevelProperty() {
        Flow flow = kitchenSinkWith(ConfigValue.object(
                "title",
                "t",
                "branches",
                ConfigValue.list(ConfigValue.object("name", "big", "when", "{{data.x | nope}}"))));

        assertThat(VALIDATOR.validate(flow)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/nodes/1/config/branches/0/when");
            assertThat(p.property()).isEqualTo("branches");
            assertThat(p.nodeId()).isEqualTo("sink");
            assertThat(p.message()).startsWith("The template in 'when' does not parse: Unknown formatter 'nope'");
        });
    }

    @Test
    void portsOfDynamicNodesComeFromTheirConfig() {
        Flow flow = kitchenSinkWith(ConfigValue.object(
                "title", "t", "branches", ConfigValue.list(ConfigValue.object("name", "big", "when", "{{data.big}}"))));
        Flow wiredToBranch = flow.withWires(List.of(Wire.of("in", "sink"), Wire.of("sink", "big", "out")));
        Flow wiredToMissingBranch = flow.withWires(List.of(Wire.of("in", "sink"), Wire.of("sink", "huge", "out")));

        assertThat(VALIDATOR.validate(wiredToBranch)).isEmpty();
        assertThat(VALIDATOR.validate(wiredToMissingBranch)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/wires/1/port");
            assertThat(p.message())
                    .isEqualTo("'sink' (test.kitchen-sink) has no output port 'huge'. Its ports: big, default, error");
        });
    }

    @Test
    void selfWireIsALoop() {
        Flow flow = kitchenSinkWith(ConfigValue.object("title", "t"))
                .withWires(List.of(
                        Wire.of("in", "sink"), Wire.of("sink", "default", "sink"), Wire.of("sink", "default", "out")));

        assertThat(VALIDATOR.validate(flow)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/wires/1");
            assertThat(p.message()).endsWith("sink → sink");
        });
    }

    @Test
    void valueOfAnInvisiblePropertyIsNotRequired() {
        Flow flow = kitchenSinkWith(ConfigValue.object("title", "t", "auth", "none"));

        assertThat(VALIDATOR.validate(flow)).isEmpty();
    }

    @Test
    void visibleWhenConditionSeesTheDefaultOfAnAbsentProperty() {
        Flow modeByDefault = kitchenSinkWith(ConfigValue.object("title", "t", "fastLimit", "ten"));
        Flow modeSafe = kitchenSinkWith(ConfigValue.object("title", "t", "mode", "safe", "fastLimit", "ten"));

        assertThat(VALIDATOR.validate(modeByDefault))
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/nodes/1/config/fastLimit"));
        assertThat(VALIDATOR.validate(modeSafe)).isEmpty();
    }

    @Test
    void badRetrySettingsArePointedAt() {
        Flow flow = kitchenSinkWith(ConfigValue.object("title", "t"))
                .withSettings(ConfigValue.object("retry", ConfigValue.object("attempts", 0, "maxBackoff", "forever")));

        assertThat(VALIDATOR.validate(flow))
                .extracting(Problem::pointer, Problem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "/settings/retry/attempts", "'attempts' must be at least 1, not 0"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/settings/retry/maxBackoff",
                                "'maxBackoff': 'forever' is not a duration: use e.g. 250ms, 5s, 2m, 1h or PT5S"));
    }

    @Test
    void publishedSchemaIsDraft2020() {
        assertThat(SchemaCheck.schema().path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(SchemaCheck.isValidId("order-2_b")).isTrue();
        assertThat(SchemaCheck.isValidId("-order")).isFalse();
    }

    private static Flow kitchenSinkWith(ConfigValue.Fields config) {
        return Flow.empty("f", "F")
                .withNodes(List.of(
                        new Node("in", "test.inject", null, ConfigValue.object("channel", "c"), null),
                        new Node("sink", "test.kitchen-sink", null, config, null),
                        new Node("out", "test.capture", null, ConfigValue.object("sink", "s"), null)))
                .withWires(List.of(Wire.of("in", "sink"), Wire.of("sink", "default", "out")));
    }
}
