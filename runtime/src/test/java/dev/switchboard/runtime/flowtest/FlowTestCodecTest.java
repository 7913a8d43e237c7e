package dev.switchboard.runtime.flowtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.flowtest.Expectation.FieldMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowTestCodecTest {
    @TempDir
    Path dir;

    @Test
    void aGoodFileReadsIntoCasesWithDefaults() throws Exception {
        FlowTestFile file = FlowTestCodec.read(write("""
                {
                  "env": {"ERP_URL": "https://erp.test"},
                  "cases": [{
                    "name": "big order",
                    "events": [{"trigger": "hook", "data": {"total": 120}}],
                    "stubs": {"erp": {"reply": {"status": 201, "headers": {"Content-Type": "application/json"}, "body": {"id": 7}}}},
                    "expect": [
                      {"node": "big", "port": "matched", "fields": {"data.total": {"exists": true}, "data.note": {"matches": "^ok"}}},
                      {"node": "erp", "calls": 1, "with": {"data": {"total": 120}}}
                    ],
                    "outcome": "success"
                  }]
                }
                """));

        assertThat(file.flowFile()).isEqualTo(dir.resolve("orders.flow.json"));
        assertThat(file.env()).containsEntry("ERP_URL", "https://erp.test");
        FlowTestFile.TestCase testCase = file.cases().get(0);
        assertThat(testCase.outcome()).isEqualTo(FlowTestFile.RunOutcome.SUCCESS);
        assertThat(testCase.events().get(0).event().time()).isEqualTo(FlowTestCodec.DEFAULT_TIME);
        assertThat(testCase.events().get(0).event().id()).isEqualTo("test-event-1");
        assertThat(testCase.stubs().get("erp")).isInstanceOf(Stub.Reply.class);
        Expectation.FieldsMatch fields =
                (Expectation.FieldsMatch) testCase.expectations().get(0);
        assertThat(fields.spot()).isEqualTo(new Expectation.Spot("big", "matched", false));
        assertThat(fields.fields().values())
                .hasOnlyElementsOfTypes(FieldMatcher.Exists.class, FieldMatcher.Matches.class);
        assertThat(((Expectation.Calls) testCase.expectations().get(1)).with()).isInstanceOf(ConfigValue.Fields.class);
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        List<TestFileProblem> problems = problems("{\n  \"cases\": [\n    {\"name\": }\n  ]\n}\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEmpty();
            assertThat(p.message()).contains("line 3");
        });
    }

    @Test
    void schemaProblemsCarryTheJsonPointerAndWhatWasExpected() throws IOException {
        List<TestFileProblem> problems = problems("""
                {"cases": [{
                  "name": "x",
                  "events": [{"trigger": "hook", "data": {}}],
                  "stubs": {"erp": {"reply": {"status": "200"}}},
                  "expect": [{"node": "big", "filterd": true}],
                  "outcome": "ok"
                }], "flows": "a.flow.json"}
                """);

        assertThat(problems)
                .extracting(TestFileProblem::toString)
                .contains(
                        "/cases/0/expect/0/filterd: Unknown property 'filterd' in item 0 of 'expect'. Did you mean 'filtered'?"
                                + " Allowed: node, port, input, event, data, fields, filtered, deadLettered, calls, with,"
                                + " request",
                        "/cases/0/stubs/erp/reply/status: 'status' must be a whole number, not the text \"200\"",
                        "/flows: Unknown property 'flows' in the test file. Did you mean 'flow'?"
                                + " Allowed: $schema, flow, env, cases")
                .anySatisfy(p -> assertThat(p).startsWith("/cases/0/outcome: 'outcome' must be one of"));
    }

    @Test
    void aFileWithoutCasesSaysWhatIsMissing() throws IOException {
        assertThat(problems("{}"))
                .extracting(TestFileProblem::toString)
                .containsExactly("(file): The test file is missing the required property 'cases'");
    }

    @Test
    void checksTheSchemaCannotExpressArePointedAtToo() throws IOException {
        List<TestFileProblem> problems = problems("""
                {"cases": [
                  {"name": "same", "events": [{"trigger": "hook", "data": {}, "event": {"type": "x"}}],
                   "expect": [
                     {"node": "big", "filtered": true, "calls": 1},
                     {"node": "big", "fields": {"data.x": {"matches": "(unclosed"}, "data..y": 1}},
                     {"node": "big", "filtered": true, "with": {"data": {}}}
                   ]},
                  {"name": "same", "events": [{"trigger": "hook", "event": {"time": "yesterday"}}]}
                ]}
                """);

        assertThat(problems)
                .extracting(TestFileProblem::pointer)
                .containsExactlyInAnyOrder(
                        "/cases/0/events/0",
                        "/cases/0/expect/0",
                        "/cases/0/expect/1/fields/data.x/matches",
                        "/cases/0/expect/1/fields/data..y",
                        "/cases/0/expect/2/with",
                        "/cases/1/events/0/event/time",
                        "/cases/1/name");
        assertThat(problems)
                .extracting(TestFileProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("An expectation has one check, not [filtered, calls]"))
                .anySatisfy(m -> assertThat(m).startsWith("Not a regular expression"))
                .anySatisfy(m -> assertThat(m).contains("'yesterday' is not a time"));
    }

    private List<TestFileProblem> problems(String json) throws IOException {
        Path file = write(json);
        InvalidTestFileException e =
                catchThrowableOfType(() -> FlowTestCodec.read(file), InvalidTestFileException.class);
        assertThat(e).as("the file is refused").isNotNull();
        return e.problems();
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("orders.test.json"), json);
    }
}
