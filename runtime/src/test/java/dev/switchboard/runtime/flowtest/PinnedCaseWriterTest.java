package dev.switchboard.runtime.flowtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.store.RunQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedCaseWriterTest {
    private static final ConnectorCatalog CATALOG = ConnectorCatalog.load();
    private static final String TIME = "2026-11-30T01:02:03Z";

    @TempDir
    Path dir;

    @Test
    void aPinnedRunReplaysAsAPassingCase() throws Exception {
        Path flowFile = copyHelloWebhook();
        Path testFile = dir.resolve("hello-webhook.test.json");

        PinnedCaseWriter.Pinned pinned = PinnedCaseWriter.append(
                testFile, "Ada says hello", flow(flowFile), CATALOG, helloRun("{\"name\":\"Ada\"}"));

        assertThat(pinned.skipped()).isEmpty();
        FlowTestFile.TestCase testCase = pinned.file().cases().get(0);
        assertThat(testCase.name()).isEqualTo("Ada says hello");
        assertThat(testCase.events().get(0).event().time()).isEqualTo(Instant.parse(TIME));
        assertThat(testCase.expectations())
                .extracting(Expectation::node)
                .containsExactly("greet", "log", "save", "save");
        assertThat(testCase.expectations().get(3))
                .isEqualTo(new Expectation.Calls("/cases/0/expect/3", "save", 1, null, null));
        assertThat(testCase.outcome()).isEqualTo(FlowTestFile.RunOutcome.SUCCESS);

        FlowTestResult result = new FlowTestRunner(CATALOG).run(testFile);
        assertThat(result.problems()).isEmpty();
        assertThat(result.cases())
                .singleElement()
                .satisfies(c -> assertThat(c.failures()).isEmpty());
    }

    @Test
    void aSecondCaseIsAppendedAndADuplicateNameIsRefusedWithItsPointer() throws Exception {
        Path flowFile = copyHelloWebhook();
        Path testFile = dir.resolve("hello-webhook.test.json");
        PinnedCaseWriter.append(testFile, "Ada", flow(flowFile), CATALOG, helloRun("{\"name\":\"Ada\"}"));
        PinnedCaseWriter.append(testFile, "Bob", flow(flowFile), CATALOG, helloRun("{\"name\":\"Bob\"}"));
        String before = Files.readString(testFile);

        InvalidTestFileException refused = catchThrowableOfType(
                () -> PinnedCaseWriter.append(testFile, "Ada", flow(flowFile), CATALOG, helloRun("{}")),
                InvalidTestFileException.class);

        assertThat(refused.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/cases/2/name"));
        assertThat(Files.readString(testFile)).isEqualTo(before);
        assertThat(FlowTestCodec.read(testFile).cases())
                .extracting(FlowTestFile.TestCase::name)
                .containsExactly("Ada", "Bob");
        assertThat(new FlowTestRunner(CATALOG).run(testFile).passed()).isTrue();
    }

    @Test
    void aCutSnapshotLeavesItsNodeOutAndSaysSo() throws Exception {
        Path flowFile = copyHelloWebhook();
        RunQueries.RunPath run = helloRun("{\"name\":\"Ada\"}");
        List<RunQueries.Step> steps = new java.util.ArrayList<>(run.steps());
        RunQueries.Step greet = steps.get(1);
        steps.set(
                1,
                new RunQueries.Step(
                        greet.runId(),
                        1,
                        "greet",
                        "out",
                        greet.at(),
                        greet.input(),
                        "{\"specversion\":\"1.0\",\"da… (cut)",
                        null));

        PinnedCaseWriter.Pinned pinned = PinnedCaseWriter.append(
                dir.resolve("hello-webhook.test.json"),
                "cut",
                flow(flowFile),
                CATALOG,
                new RunQueries.RunPath(run.run(), steps));

        assertThat(pinned.skipped()).containsExactly("greet");
    }

    @Test
    void anHttpRequestsAnswerBecomesItsStubbedReplySoTheCaseNeedsNoServer() throws Exception {
        Path flowFile = dir.resolve("erp.flow.json");
        Files.writeString(flowFile, """
                {
                  "format": "switchboard/flow@1",
                  "id": "erp",
                  "nodes": [
                    {"id": "hook", "type": "webhook", "config": {"path": "/hooks/erp"}},
                    {"id": "erp", "type": "http.request", "config": {"method": "POST", "url": "https://erp.example.test/orders"}},
                    {"id": "done", "type": "map", "config": {"fields": {"erpId": "{{data.body.id}}"}}}
                  ],
                  "wires": [{"from": "hook", "to": "erp"}, {"from": "erp", "to": "done"}]
                }
                """);
        String hook = event("{\"order\":1}");
        String answered = event(
                "{\"status\":201,\"headers\":{\"content-type\":\"application/json\"},\"body\":{\"id\":\"erp-7\"}}");
        String done = event("{\"erpId\":\"erp-7\"}");
        Instant at = Instant.parse(TIME);
        RunQueries.RunPath run = new RunQueries.RunPath(
                new RunQueries.Run("run-2", "evt-1", "erp", "hook", "SUCCESS", at, 900, TIME, null, null, null, "full"),
                List.of(
                        new RunQueries.Step("run-2", 0, "hook", "out", at, null, hook, null),
                        new RunQueries.Step("run-2", 1, "erp", "out", at, hook, answered, null),
                        new RunQueries.Step("run-2", 2, "done", "out", at, answered, done, null)));
        Path testFile = dir.resolve("erp.test.json");

        FlowTestFile.TestCase pinned = PinnedCaseWriter.append(testFile, "ERP answers", flow(flowFile), CATALOG, run)
                .file()
                .cases()
                .get(0);

        assertThat(pinned.stubs().get("erp"))
                .isInstanceOfSatisfying(
                        Stub.Reply.class, reply -> assertThat(reply.status()).isEqualTo(201));
        FlowTestResult result = new FlowTestRunner(CATALOG).run(testFile);
        assertThat(result.problems()).isEmpty();
        assertThat(result.cases())
                .singleElement()
                .satisfies(c -> assertThat(c.failures()).isEmpty());
    }

    private Path copyHelloWebhook() throws Exception {
        Path flowFile = dir.resolve("hello-webhook.flow.json");
        Files.copy(Path.of("../samples/hello-webhook.flow.json"), flowFile);
        return flowFile;
    }

    private static Flow flow(Path file) throws Exception {
        return FlowCodec.read(Files.readString(file));
    }

    /** A run of hello-webhook as the store keeps it with history full: CloudEvents snapshots per step. */
    private static RunQueries.RunPath helloRun(String data) {
        String hook = event(data);
        String name = data.contains("name") ? data.replaceAll(".*\"name\":\"([^\"]*)\".*", "$1") : "friend";
        String greeted = event("{\"greeting\":\"Hello, " + name + "!\",\"receivedAt\":\"" + TIME + "\"}");
        Instant at = Instant.parse(TIME);
        RunQueries.Run run = new RunQueries.Run(
                "run-1", "evt-1", "hello-webhook", "hook", "SUCCESS", at, 1200, TIME, null, null, null, "full");
        return new RunQueries.RunPath(
                run,
                List.of(
                        new RunQueries.Step("run-1", 0, "hook", "out", at, null, hook, null),
                        new RunQueries.Step("run-1", 1, "greet", "out", at, hook, greeted, null),
                        new RunQueries.Step("run-1", 2, "log", "out", at, greeted, greeted, null),
                        new RunQueries.Step("run-1", 3, "save", "out", at, greeted, greeted, null)));
    }

    private static String event(String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"source\":\"/switchboard/hello-webhook/hook\","
                + "\"type\":\"dev.switchboard.webhook\",\"time\":\"" + TIME
                + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + data + "}";
    }
}
