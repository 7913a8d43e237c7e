package dev.switchboard.runtime.flowtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.flowtest.FlowTestResult.CaseFailure;
import dev.switchboard.runtime.flowtest.FlowTestResult.CaseResult;
import dev.switchboard.runtime.flowtest.FlowTestResult.Difference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on the built-in connectors: quiet triggers, stubbed actions, real steps, expectations checked. */
class FlowTestRunnerTest {
    /** hook → big (filter: total > 100) → erp (http.request; error port → fallback) → audit (file.write). */
    static final String FLOW = """
            {
              "format": "switchboard/flow@1",
              "id": "orders",
              "nodes": [
                {"id": "hook", "type": "webhook", "config": {"path": "/hooks/orders"}},
                {"id": "big", "type": "filter", "config": {"match": "all", "rules": [{"field": "data.total", "op": "gt", "value": 100}]}},
                {"id": "erp", "type": "http.request", "config": {"method": "POST", "url": "{{env:ERP_URL}}/orders"}},
                {"id": "fallback", "type": "file.write", "config": {"path": "failed.jsonl", "format": "jsonl"}},
                {"id": "audit", "type": "file.write", "config": {"path": "audit.jsonl", "format": "jsonl"}}
              ],
              "wires": [
                {"from": "hook", "to": "big"},
                {"from": "big", "port": "matched", "to": "erp"},
                {"from": "erp", "to": "audit"},
                {"from": "erp", "port": "error", "to": "fallback"}
              ]
            }
            """;

    @TempDir
    Path dir;

    private final FlowTestRunner runner = new FlowTestRunner(ConnectorCatalog.load());

    @Test
    void aMatchedAndAFilteredCasePassWithoutTouchingTheNetwork() throws IOException {
        FlowTestResult result = run("""
                {"env": {"ERP_URL": "https://erp.invalid"}, "cases": [
                  {"name": "big order", "events": [{"trigger": "hook", "data": {"id": "A-1", "total": 120}}],
                   "stubs": {"erp": {"reply": {"status": 201, "headers": {"Content-Type": "application/json"}, "body": {"erpId": 7}}}},
                   "expect": [
                     {"node": "big", "port": "matched", "filtered": false},
                     {"node": "erp", "input": true, "data": {"id": "A-1", "total": 120}},
                     {"node": "erp", "fields": {"data.status": 201, "data.headers.content-type": {"contains": "json"}, "data.body.erpId": 7}},
                     {"node": "audit", "calls": 1, "with": {"data": {"body": {"erpId": 7}}}},
                     {"node": "erp", "calls": 1, "request": {"method": "POST", "url": "https://erp.invalid/orders",
                       "headers": {"Content-Type": "application/json"}, "body": {"id": "A-1", "total": 120}}},
                     {"node": "fallback", "calls": 0}
                   ], "outcome": "success"},
                  {"name": "small order", "events": [{"trigger": "hook", "data": {"id": "A-2", "total": 5}}],
                   "expect": [{"node": "big", "filtered": true}, {"node": "erp", "calls": 0}], "outcome": "filtered"}
                ]}
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases()).extracting(CaseResult::name).containsExactly("big order", "small order");
        assertThat(result.cases()).allSatisfy(c -> assertThat(c.failures()).isEmpty());
        assertThat(result.passed()).isTrue();
        assertThat(result.flowId()).isEqualTo("orders");
    }

    @Test
    void anUnmetExpectationFailsWithTheDifferencesByPointer() throws IOException {
        FlowTestResult result = run("""
                {"env": {"ERP_URL": "https://erp.invalid"}, "cases": [{"name": "wrong guess", "events": [{"trigger": "hook", "data": {"id": "A-1", "total": 120}}],
                  "stubs": {"erp": {"reply": {"status": 200, "body": "ok"}}},
                  "expect": [
                    {"node": "big", "port": "matched", "event": {"data": {"id": "A-9", "total": 120, "currency": "EUR"}}},
                    {"node": "erp", "fields": {"data.status": 201}},
                    {"node": "big", "filtered": true},
                    {"node": "erp", "calls": 1, "request": {"url": "https://erp.invalid/orders", "body": {"total": 99}}}
                  ]}]}
                """);

        CaseResult testCase = result.cases().get(0);
        assertThat(testCase.passed()).isFalse();
        assertThat(testCase.failures())
                .extracting(CaseFailure::pointer)
                .containsExactly("/cases/0/expect/0", "/cases/0/expect/1", "/cases/0/expect/2", "/cases/0/expect/3");
        assertThat(testCase.failures().get(0).differences())
                .containsExactly(
                        new Difference("/data/currency", "\"EUR\"", JsonDiff.MISSING),
                        new Difference("/data/id", "\"A-9\"", "\"A-1\""));
        assertThat(testCase.failures().get(1).differences())
                .containsExactly(new Difference("data.status", "201", "200"));
        assertThat(testCase.failures().get(2).message())
                .isEqualTo("expected the event to be filtered at 'big', but it left through 'matched'");
        assertThat(testCase.failures().get(3).message())
                .isEqualTo(
                        "expected 1 call(s) to 'erp' with the given request, got 0 (of 1 call(s)); the closest other call differs");
        assertThat(testCase.failures().get(3).differences())
                .containsExactly(new Difference("(request) /body/total", "99", "120"));
    }

    @Test
    void aFailingActionGoesThroughItsErrorPortOrToTheDeadLetters() throws IOException {
        FlowTestResult result = run("""
                {"env": {"ERP_URL": "https://erp.invalid"}, "cases": [
                  {"name": "erp down", "events": [{"trigger": "hook", "data": {"total": 500}}],
                   "stubs": {"erp": {"reply": {"status": 503}}},
                   "expect": [
                     {"node": "erp", "port": "error", "fields": {"errornode": "erp", "error": {"contains": "HTTP 503"}}},
                     {"node": "fallback", "calls": 1},
                     {"node": "audit", "calls": 0}
                   ], "outcome": "success"},
                  {"name": "disk full", "events": [{"trigger": "hook", "data": {"total": 500}}],
                   "stubs": {"erp": {"reply": {"status": 200}}, "audit": {"error": "No space left on device"}},
                   "expect": [{"node": "audit", "deadLettered": "No space left"}], "outcome": "dead-lettered"}
                ]}
                """);

        assertThat(result.cases())
                .allSatisfy(c -> assertThat(c.failures()).as(c.name()).isEmpty());
    }

    @Test
    void anHttpRequestRendersItsRequestAsTheRealNodeDoesAndFailsOnAUrlThatIsNone() throws IOException {
        FlowTestResult result = run("""
                {"cases": [{"name": "no ERP_URL given", "events": [{"trigger": "hook", "data": {"total": 500}}],
                  "stubs": {"erp": {"reply": {"status": 200}}},
                  "expect": [
                    {"node": "erp", "port": "error", "fields": {"error": {"contains": "'test-ERP_URL/orders' is not an http or https URL"}}},
                    {"node": "erp", "calls": 0}
                  ]}]}
                """);

        // like the real node, it sends nothing when its URL renders to no http(s) URL
        assertThat(result.cases())
                .singleElement()
                .satisfies(c -> assertThat(c.failures()).isEmpty());
    }

    @Test
    void anHttpRequestWithoutAStubAndAnUnexpectedDeadLetterFailTheCase() throws IOException {
        FlowTestResult result = run("""
                {"env": {"ERP_URL": "https://erp.invalid"}, "cases": [
                  {"name": "no stub", "events": [{"trigger": "hook", "data": {"total": 500}}]},
                  {"name": "unexpected", "events": [{"trigger": "hook", "event": {"id": "e-1", "data": {"total": 500}}}],
                   "stubs": {"erp": {"reply": {"status": 200}}, "audit": {"error": "boom"}}}
                ]}
                """);

        assertThat(result.cases().get(0).failures())
                .extracting(CaseFailure::message)
                .anySatisfy(m -> assertThat(m)
                        .startsWith("http.request node 'erp' was called, but the case gives no stub for it"));
        assertThat(result.cases().get(1).failures())
                .extracting(CaseFailure::message)
                .containsExactly(
                        "the run of event 'e-1' ended dead-lettered (dead-lettered at audit), expected no failure; "
                                + "event 'e-1' went hook:out → big:matched → erp:out → audit (failed)");
    }

    @Test
    void switchBranchesAreExpectedByPortAndFailuresAreFinalDespiteTheFlowsRetryPolicy() throws IOException {
        Files.writeString(dir.resolve("routing.flow.json"), """
                {"format": "switchboard/flow@1", "id": "routing",
                 "settings": {"retry": {"attempts": 5, "backoff": "PT30S"}},
                 "nodes": [
                   {"id": "hook", "type": "webhook", "config": {"path": "/hooks/routing"}},
                   {"id": "route", "type": "switch", "config": {"mode": "first", "branches": [
                     {"name": "big", "rules": [{"field": "data.total", "op": "gte", "value": 1000}]}]}},
                   {"id": "notify", "type": "file.write", "config": {"path": "big.jsonl", "format": "jsonl", "retry": {"attempts": 3}}}
                 ],
                 "wires": [{"from": "hook", "to": "route"}, {"from": "route", "port": "big", "to": "notify"}]}
                """);
        Path test = Files.writeString(dir.resolve("routing.test.json"), """
                {"cases": [
                  {"name": "big", "events": [{"trigger": "hook", "data": {"total": 1500}}],
                   "expect": [{"node": "route", "port": "big", "fields": {"data.total": 1500}}, {"node": "route", "port": "big", "filtered": false}],
                   "outcome": "success"},
                  {"name": "small", "events": [{"trigger": "hook", "data": {"total": 15}}],
                   "expect": [{"node": "route", "filtered": true}, {"node": "route", "port": "big", "filtered": true}],
                   "outcome": "filtered"},
                  {"name": "notify fails", "events": [{"trigger": "hook", "data": {"total": 1500}}],
                   "stubs": {"notify": {"error": "disk full"}},
                   "expect": [{"node": "notify", "deadLettered": "disk full"}, {"node": "notify", "calls": 1}],
                   "outcome": "dead-lettered"}
                ]}
                """);

        FlowTestResult result = runner.run(test);

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases())
                .allSatisfy(c -> assertThat(c.failures()).as(c.name()).isEmpty());
    }

    @Test
    void namesTheFlowDoesNotHaveAreRefusedBeforeAnythingRuns() throws IOException {
        FlowTestResult result = run("""
                {"cases": [{"name": "typos", "events": [{"trigger": "big", "data": {}}, {"trigger": "hoook", "data": {}}],
                  "stubs": {"audit": {"reply": {"status": 200}}, "big": {"data": {}}},
                  "expect": [{"node": "erp", "port": "matchd", "filtered": true}, {"node": "big", "calls": 1}]}]}
                """);

        assertThat(result.cases()).isEmpty();
        assertThat(result.passed()).isFalse();
        assertThat(result.problems())
                .extracting(TestFileProblem::toString)
                .containsExactly(
                        "/cases/0/events/0/trigger: 'big' is a filter node, not a trigger; events enter a flow at a trigger (hook)",
                        "/cases/0/events/1/trigger: The flow 'orders' has no node 'hoook'; its nodes: hook, big, erp, fallback, audit",
                        "/cases/0/stubs/audit/reply: only http.request nodes answer with a reply; give a file.write node \"merge\" (what it adds to the event's data), \"data\" or \"error\"",
                        "/cases/0/stubs/big: 'big' is a filter node; only actions that send something are stubbed",
                        "/cases/0/expect/0/port: 'erp' has no port 'matchd'; its ports: out, error",
                        "/cases/0/expect/1/calls: calls are counted at stubbed actions; 'big' is a filter node");
    }

    @Test
    void aFlowWithProblemsIsReportedInsteadOfRun() throws IOException {
        Files.writeString(dir.resolve("orders.flow.json"), FLOW.replace("\"gt\"", "\"greater\""));
        Path test = Files.writeString(
                dir.resolve("orders.test.json"),
                "{\"cases\": [{\"name\": \"x\", \"events\": [{\"trigger\": \"hook\", \"data\": {}}]}]}");

        FlowTestResult result = runner.run(test);

        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("the flow file orders.flow.json has a problem at /nodes/1/config/rules/0/op"));
    }

    @Test
    void aWebhooksRejectingContractIsEnforcedAndARejectionIsAnOutcome() throws IOException {
        Path orders = Files.createDirectories(dir.resolve("schemas/orders"));
        Files.writeString(orders.resolve("1.schema.json"), """
                {"type": "object", "properties": {"total": {"type": "number"}}, "required": ["total"]}
                """);
        Files.writeString(
                dir.resolve("orders.flow.json"),
                FLOW.replace(
                        "\"config\": {\"path\": \"/hooks/orders\"}}",
                        "\"config\": {\"path\": \"/hooks/orders\"}, \"contract\": {\"subject\": \"orders\", \"enforcement\": \"reject\"}}"));
        FlowTestResult result = runner.run(Files.writeString(dir.resolve("orders.test.json"), """
                {"env": {"ERP_URL": "https://erp.invalid"}, "cases": [
                  {"name": "broken", "events": [{"trigger": "hook", "data": {"total": "lots"}}],
                   "expect": [{"node": "erp", "calls": 0}], "outcome": "rejected"},
                  {"name": "kept, but expected rejected", "events": [{"trigger": "hook", "data": {"total": 5}}],
                   "outcome": "rejected"},
                  {"name": "broken, but expected to pass", "events": [{"trigger": "hook", "data": {}}],
                   "outcome": "filtered"}
                ]}
                """));

        assertThat(result.problems()).isEmpty();
        assertThat(result.cases().get(0).failures()).isEmpty();
        assertThat(result.cases().get(1).failures())
                .extracting(CaseFailure::message)
                .singleElement()
                .asString()
                .contains("ended filtered", "rejected");
        assertThat(result.cases().get(2).failures())
                .extracting(CaseFailure::message)
                .anySatisfy(m -> assertThat(m).contains("did not start a run", "does not match the contract orders"));
    }

    private FlowTestResult run(String testJson) throws IOException {
        Files.writeString(dir.resolve("orders.flow.json"), FLOW);
        return runner.run(Files.writeString(dir.resolve("orders.test.json"), testJson));
    }
}
