package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.StepRecord;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.metrics.RuntimeMetrics;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.ContractBinding.Enforcement;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data contracts enforced by a real engine on the H2 store, events sent over real HTTP. */
class ContractEnforcementTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String ORDER_SCHEMA = """
            {"type": "object",
             "properties": {"id": {"type": "string"}, "total": {"type": "number"}},
             "required": ["id", "total"],
             "additionalProperties": false}
            """;
    static final String GOOD = "{\"id\": \"o-1\", \"total\": 12.5}";
    static final String BAD = "{\"id\": 5, \"extra\": true}";

    @TempDir
    static Path dir;

    static DurableRuntime runtime;
    static RuntimeMetrics metrics;
    static final List<RunRecord> RUNS = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        SchemaRegistry registry = new SchemaRegistry(dir.resolve("schemas"));
        registry.register("orders", ORDER_SCHEMA);
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dir.resolve("data"), Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
        runtime.engine().services().register(ContractSchemas.class, new ContractSchemas(registry));
        metrics = RuntimeMetrics.bind(runtime.engine(), runtime.store(), Duration.ZERO);
        runtime.engine().addRunListener(RUNS::add);
    }

    @AfterAll
    static void stop() {
        Awaitility.reset();
        runtime.close();
    }

    static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    static Node bound(Node node, String reference, Enforcement enforcement) {
        return node.withContract(ContractBinding.parse(reference, enforcement));
    }

    static void deploy(String id, List<Node> nodes, List<Wire> wires) throws FlowCompileException {
        runtime.engine().deploy(new Flow(FlowFormat.CURRENT, id, id, null, null, nodes, wires, null));
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + path))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static long count(String sql) throws Exception {
        try (Connection c = runtime.store().connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<DeadLetter> deadLetters(String flowId) {
        return runtime.deadLetters().list(DeadLetterFilter.all(), 100).stream()
                .filter(d -> d.flowId().equals(flowId))
                .toList();
    }

    @Test
    void aWebhookThatRejectsAnswers400WithEveryViolationAndKeepsNothing() throws Exception {
        CaptureConnector.clear("contract-reject");
        deploy(
                "contract-reject",
                List.of(
                        bound(node("in", "webhook", "path", "/hooks/contract-reject"), "orders@1", Enforcement.REJECT),
                        node("out", "test.capture", "sink", "contract-reject")),
                List.of(Wire.of("in", "out")));

        HttpResponse<String> refused = post("/hooks/contract-reject", BAD);

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode answer = Json.parse(refused.body());
        assertThat(answer.path("error").asText()).isEqualTo("contract_violation");
        assertThat(answer.path("contract").asText()).isEqualTo("orders@1");
        List<String> pointers = new ArrayList<>();
        answer.path("violations").forEach(v -> pointers.add(v.path("pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/id", "/total", "/extra");
        answer.path("violations")
                .forEach(v -> assertThat(v.path("message").asText()).isNotBlank());
        assertThat(count("SELECT COUNT(*) FROM inbox WHERE flow_id = 'contract-reject'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE flow_id = 'contract-reject'"))
                .isZero();

        HttpResponse<String> accepted = post("/hooks/contract-reject", GOOD);
        assertThat(accepted.statusCode()).isEqualTo(202);
        await().until(() -> CaptureConnector.events("contract-reject").size() == 1);
        runtime.history().awaitWritten(Duration.ofSeconds(5));
        // the refused request left no run behind: the only run is the accepted event's
        assertThat(count("SELECT COUNT(*) FROM runs WHERE flow_id = 'contract-reject'"))
                .isEqualTo(1);
        assertThat(CaptureConnector.events("contract-reject")
                        .get(0)
                        .data()
                        .path("id")
                        .asText())
                .isEqualTo("o-1");
    }

    @Test
    void aNodeThatDeadLettersKeepsTheEventWithItsViolationsAndSkipsItsErrorPort() throws Exception {
        CaptureConnector.clear("contract-dl");
        CaptureConnector.clear("contract-dl-errors");
        deploy(
                "contract-dl",
                List.of(
                        node("in", "webhook", "path", "/hooks/contract-dl"),
                        bound(node("sink", "test.capture", "sink", "contract-dl"), "orders", Enforcement.DEAD_LETTER),
                        node("errors", "test.capture", "sink", "contract-dl-errors")),
                List.of(Wire.of("in", "sink"), new Wire("sink", "error", "errors")));

        assertThat(post("/hooks/contract-dl", BAD).statusCode()).isEqualTo(202);
        await().until(() -> deadLetters("contract-dl").size() == 1);

        DeadLetter kept = deadLetters("contract-dl").get(0);
        assertThat(kept.nodeId()).isEqualTo("sink");
        assertThat(kept.attempts()).isEqualTo(1);
        assertThat(kept.error())
                .contains("orders@1")
                .contains("/id:")
                .contains("/total:")
                .contains("/extra:");
        assertThat(Json.parse(kept.event()).path("data").path("id").asInt()).isEqualTo(5);
        await().until(() -> runtime.inbox().pendingCount() == 0);
        assertThat(CaptureConnector.events("contract-dl")).isEmpty();
        assertThat(CaptureConnector.events("contract-dl-errors")).isEmpty();

        assertThat(post("/hooks/contract-dl", GOOD).statusCode()).isEqualTo(202);
        await().until(() -> CaptureConnector.events("contract-dl").size() == 1);
        assertThat(deadLetters("contract-dl")).hasSize(1);
    }

    @Test
    void aNodeWithErrorPortEnforcementSendsTheEventDownItsErrorPort() throws Exception {
        CaptureConnector.clear("contract-ep");
        CaptureConnector.clear("contract-ep-errors");
        deploy(
                "contract-ep",
                List.of(
                        node("in", "webhook", "path", "/hooks/contract-ep"),
                        bound(node("sink", "test.capture", "sink", "contract-ep"), "orders@1", Enforcement.ERROR_PORT),
                        node("errors", "test.capture", "sink", "contract-ep-errors")),
                List.of(Wire.of("in", "sink"), new Wire("sink", "error", "errors")));

        assertThat(post("/hooks/contract-ep", BAD).statusCode()).isEqualTo(202);
        await().until(() -> CaptureConnector.events("contract-ep-errors").size() == 1);

        var failed = CaptureConnector.events("contract-ep-errors").get(0);
        assertThat(failed.extensions().get("errornode")).isEqualTo("sink");
        assertThat(failed.extensions().get("error")).contains("orders@1").contains("/total:");
        assertThat(CaptureConnector.events("contract-ep")).isEmpty();
        assertThat(deadLetters("contract-ep")).isEmpty();
    }

    @Test
    void aNodeThatWarnsLetsTheEventGoOnAndCountsAndRecordsTheViolation() throws Exception {
        CaptureConnector.clear("contract-warn");
        deploy(
                "contract-warn",
                List.of(
                        node("in", "webhook", "path", "/hooks/contract-warn"),
                        bound(node("sink", "test.capture", "sink", "contract-warn"), "orders@1", Enforcement.WARN)),
                List.of(Wire.of("in", "sink")));

        assertThat(post("/hooks/contract-warn", BAD).statusCode()).isEqualTo(202);
        await().until(() -> CaptureConnector.events("contract-warn").size() == 1);
        await().until(() -> runFor("contract-warn") != null);

        StepRecord step = runFor("contract-warn").steps().stream()
                .filter(s -> s.nodeId().equals("sink"))
                .findFirst()
                .orElseThrow();
        assertThat(step.warning()).contains("orders@1").contains("/extra:");
        assertThat(step.error()).isNull();
        assertThat(runFor("contract-warn").status()).isEqualTo(RunRecord.RunStatus.SUCCESS);
        assertThat(metrics.scrape().body())
                .contains("switchboard_node_contract_warnings_total{flow=\"contract-warn\",node=\"sink\"} 1.0");
    }

    @Test
    void aTriggerThatWarnsNotesTheViolationOnItsOwnStep() throws Exception {
        CaptureConnector.clear("contract-twarn");
        deploy(
                "contract-twarn",
                List.of(
                        bound(node("in", "webhook", "path", "/hooks/contract-twarn"), "orders@1", Enforcement.WARN),
                        node("out", "test.capture", "sink", "contract-twarn")),
                List.of(Wire.of("in", "out")));

        assertThat(post("/hooks/contract-twarn", BAD).statusCode()).isEqualTo(202);
        await().until(() -> CaptureConnector.events("contract-twarn").size() == 1);
        await().until(() -> runFor("contract-twarn") != null);

        List<StepRecord> steps = runFor("contract-twarn").steps();
        assertThat(steps.get(0).nodeId()).isEqualTo("in");
        assertThat(steps.get(0).warning()).contains("orders@1").contains("/total:");
        assertThat(steps.get(1).warning()).isNull();
    }

    @Test
    void aTriggerThatDeadLettersKeepsTheBrokenEventAndBeginsNoRun() throws Exception {
        CaptureConnector.clear("contract-tdl");
        deploy(
                "contract-tdl",
                List.of(
                        bound(
                                node("in", "webhook", "path", "/hooks/contract-tdl"),
                                "orders@1",
                                Enforcement.DEAD_LETTER),
                        node("out", "test.capture", "sink", "contract-tdl")),
                List.of(Wire.of("in", "out")));

        assertThat(post("/hooks/contract-tdl", BAD).statusCode()).isEqualTo(202);
        await().until(() -> deadLetters("contract-tdl").size() == 1);
        assertThat(deadLetters("contract-tdl").get(0).nodeId()).isEqualTo("in");
        assertThat(deadLetters("contract-tdl").get(0).runId()).isNull();
        await().until(() -> count("SELECT COUNT(*) FROM inbox WHERE flow_id = 'contract-tdl'") == 0);
        assertThat(CaptureConnector.events("contract-tdl")).isEmpty();
    }

    @Test
    void rejectOnANodeThatAnswersNoCallerAndAnUnknownContractAreRefusedWhenDeploying() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deploy(
                        "contract-bad-reject",
                        List.of(
                                node("in", "webhook", "path", "/hooks/contract-bad-reject"),
                                bound(node("out", "test.capture", "sink", "x"), "orders", Enforcement.REJECT)),
                        List.of(Wire.of("in", "out"))))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageContaining("'reject' needs a trigger that answers its caller");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deploy(
                        "contract-unknown",
                        List.of(
                                node("in", "webhook", "path", "/hooks/contract-unknown"),
                                bound(node("out", "test.capture", "sink", "x"), "orders@7", Enforcement.WARN)),
                        List.of(Wire.of("in", "out"))))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageContaining("The contract 'orders@7' is not in")
                .hasMessageContaining("versions: [1]");
    }

    static RunRecord runFor(String flowId) {
        synchronized (RUNS) {
            return RUNS.stream()
                    .filter(r -> r.flowId().equals(flowId))
                    .findFirst()
                    .orElse(null);
        }
    }
}
