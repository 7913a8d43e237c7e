package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.cli.SwitchboardCli;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

@ParameterizedClass
@EnumSource(TestStore.class)
class DurableRuntimeTest {
    /** The store this run of the class is on (the lifecycle methods take it as their argument). */
    @Parameter
    TestStore store;

    static final String SECRET = "s3cr3t-t0ken-9f8e7d";
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDir;

    static final List<String> SINKS = List.of(
            "durable-accept",
            "durable-branch-errors",
            "durable-billing",
            "durable-secretive",
            "durable-dedupe",
            "durable-inject",
            "durable-inject-tick");

    static DurableRuntime runtime;
    static TargetServer target;
    static Path storeDir;
    static String dbUrl;

    @BeforeParameterizedClassInvocation
    static void start(TestStore store) throws Exception {
        // the first event through a fresh JVM loads a lot of classes; on a busy CI machine that took > 10 s
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        SINKS.forEach(CaptureConnector::clear);
        target = new TargetServer();
        storeDir = dataDir.resolve(store.name());
        dbUrl = store.newUrl();
        EngineOptions options = new EngineOptions("127.0.0.1", 0, storeDir, Duration.ofSeconds(5));
        runtime = DurableRuntime.start(
                options,
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of("API_TOKEN", SECRET)),
                dbUrl,
                HistoryOptions.defaults());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        Awaitility.reset();
        runtime.close();
        target.close();
    }

    static Flow flow(String id, List<Node> nodes, List<Wire> wires, ConfigValue.Fields settings) {
        return new Flow(FlowFormat.CURRENT, id, id, null, null, nodes, wires, settings);
    }

    static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    static String push(String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + path))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        return Json.parse(response.body()).path("id").asText();
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(TestStore.args(storeDir, dbUrl));
        int code = cli.execute(all.toArray(String[]::new));
        assertThat(code).as("exit code of %s: %s", all, out).isZero();
        return out.toString();
    }

    @Test
    void acceptedEventRunsThroughTheFlowAndLeavesTheInbox() throws Exception {
        runtime.engine()
                .deploy(flow(
                        "accept",
                        List.of(
                                node("in", "webhook", "path", "/hooks/accept"),
                                node("out", "test.capture", "sink", "durable-accept")),
                        List.of(Wire.of("in", "out")),
                        null));
        String id = push("/hooks/accept", "{\"n\": 1}");
        await().until(() -> CaptureConnector.events("durable-accept").size() == 1);
        assertThat(CaptureConnector.events("durable-accept").get(0).id()).isEqualTo(id);
        await().until(() -> runtime.inbox().pendingCount() == 0);
        runtime.history().awaitWritten(Duration.ofSeconds(5));
        assertThat(cli("runs", "--flow", "accept")).contains(id).contains("success");
    }

    @Test
    void failingTargetIsRetriedThenDeadLetteredAndBulkReplayDeliversEachOnce() throws Exception {
        target.down(true);
        runtime.engine()
                .deploy(flow(
                        "outage",
                        List.of(
                                node("in", "webhook", "path", "/hooks/outage"),
                                node("send", "http.request", "method", "POST", "url", target.url())),
                        List.of(Wire.of("in", "send")),
                        ConfigValue.object(
                                "retry", ConfigValue.object("attempts", 3, "backoff", "10ms", "maxBackoff", "50ms"))));
        int events = 20;
        for (int i = 0; i < events; i++) {
            push("/hooks/outage", "{\"n\": \"outage-" + i + "\"}");
        }

        await().until(() -> runtime.deadLetters()
                        .list(DeadLetterFilter.all().withFlow("outage"), 100)
                        .size()
                == events);
        assertThat(runtime.deadLetters().list(DeadLetterFilter.all().withFlow("outage"), 100))
                .allSatisfy(d -> {
                    assertThat(d.nodeId()).isEqualTo("send");
                    assertThat(d.attempts()).isEqualTo(3);
                    assertThat(d.error()).contains("503");
                });
        assertThat(target.attempts()).isEqualTo(3L * events);
        assertThat(target.received()).isEmpty();
        await().until(() -> runtime.inbox().pendingCount() == 0);

        target.down(false);
        assertThat(cli("dead-letters", "replay", "--flow", "outage")).contains("Replaying " + events);

        await().until(() -> target.deliveriesByKey().size() == events);
        await().until(() -> runtime.inbox().pendingCount() == 0);
        assertThat(target.deliveriesByKey().values())
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(runtime.deadLetters().list(DeadLetterFilter.all().withFlow("outage"), 100))
                .isEmpty();
        runtime.history().awaitWritten(Duration.ofSeconds(5));
        String eventId = runtime.deadLetters()
                .list(new DeadLetterFilter(null, "outage", null, null, null, null, true), 1)
                .get(0)
                .eventId();
        assertThat(cli("runs", "show", eventId))
                .contains("status=dead-lettered")
                .contains("replay-of-dead-letter=")
                .contains("status=success");
    }

    @Test
    void errorPortRoutesAFailureIntoItsBranchInsteadOfDeadLetters() throws Exception {
        runtime.engine()
                .deploy(flow(
                        "branch",
                        List.of(
                                node("in", "webhook", "path", "/hooks/branch"),
                                node("boom", "test.capture", "sink", "durable-never", "fail", true),
                                node("catch", "test.capture", "sink", "durable-branch-errors")),
                        List.of(Wire.of("in", "boom"), Wire.of("boom", "error", "catch")),
                        null));

        String id = push("/hooks/branch", "{\"n\": 1}");

        await().until(() -> CaptureConnector.events("durable-branch-errors").size() == 1);
        Event caught = CaptureConnector.events("durable-branch-errors").get(0);
        assertThat(caught.id()).isEqualTo(id);
        assertThat(caught.extensions()).containsEntry("errornode", "boom");
        assertThat(caught.extensions().get("error")).contains("told to fail");
        assertThat(runtime.deadLetters().list(DeadLetterFilter.all().withFlow("branch"), 10))
                .isEmpty();
    }

    @Test
    void lineageAcrossPublishAndSubscribeIsShownByRunsShow() throws Exception {
        runtime.engine()
                .deploy(flow(
                        "orders",
                        List.of(
                                node("in", "webhook", "path", "/hooks/orders"),
                                node("pub", "event.publish", "topic", "durable.orders")),
                        List.of(Wire.of("in", "pub")),
                        null));
        runtime.engine()
                .deploy(flow(
                        "billing",
                        List.of(
                                node("sub", "event.subscribe", "topic", "durable.orders"),
                                node("bill", "test.capture", "sink", "durable-billing")),
                        List.of(Wire.of("sub", "bill")),
                        null));

        String id = push("/hooks/orders", "{\"order\": 42}");

        await().until(() -> CaptureConnector.events("durable-billing").size() == 1);
        await().until(() -> runtime.runs().path(id).size() == 2);
        List<RunQueries.RunPath> path = runtime.runs().path(id);
        assertThat(path.get(1).run().parentRunId()).isEqualTo(path.get(0).run().runId());
        String shown = cli("runs", "show", id);
        assertThat(shown)
                .contains("flow=orders")
                .contains("flow=billing")
                .contains("from-run=" + path.get(0).run().runId())
                .contains("pub -> out")
                .contains("bill -> out")
                .contains("\"order\":42");
    }

    @Test
    void storedSnapshotsNeverContainASecretValue() throws Exception {
        runtime.engine()
                .deploy(flow(
                        "secretive",
                        List.of(
                                node("in", "webhook", "path", "/hooks/secretive"),
                                node("stamp", "test.stamp", "value", "{{secret:API_TOKEN}}"),
                                node("out", "test.capture", "sink", "durable-secretive")),
                        List.of(Wire.of("in", "stamp"), Wire.of("stamp", "out")),
                        null));

        String id = push("/hooks/secretive", "{\"note\": \"hello\"}");

        await().until(() -> CaptureConnector.events("durable-secretive").size() == 1);
        assertThat(CaptureConnector.events("durable-secretive")
                        .get(0)
                        .data()
                        .path("stamp")
                        .asText())
                .isEqualTo(SECRET);
        await().until(() -> !runtime.runs().path(id).isEmpty());
        List<String> snapshots = new ArrayList<>();
        try (Connection c = runtime.store().connection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT input, output FROM run_steps")) {
            while (r.next()) {
                snapshots.add(r.getString(1));
                snapshots.add(r.getString(2));
            }
        }
        assertThat(snapshots).isNotEmpty().noneMatch(text -> text != null && text.contains(SECRET));
        assertThat(cli("runs", "show", id)).doesNotContain(SECRET).contains("\"stamp\":\"***\"");
    }

    @Test
    void dedupeLetsTheFirstEventWithAKeyThroughAndDropsRepeats() throws Exception {
        runtime.engine()
                .deploy(flow(
                        "dedupe",
                        List.of(
                                node("in", "webhook", "path", "/hooks/dedupe"),
                                node("once", "dedupe", "key", "{{data.orderId}}", "window", "1h"),
                                node("out", "test.capture", "sink", "durable-dedupe")),
                        List.of(Wire.of("in", "once"), Wire.of("once", "out")),
                        null));

        push("/hooks/dedupe", "{\"orderId\": \"A-1\"}");
        await().until(() -> CaptureConnector.events("durable-dedupe").size() == 1);
        String repeat = push("/hooks/dedupe", "{\"orderId\": \"A-1\"}");
        push("/hooks/dedupe", "{\"orderId\": \"B-2\"}");

        await().until(() -> CaptureConnector.events("durable-dedupe").size() == 2);
        await().until(() -> runtime.runs().path(repeat).size() == 1);
        assertThat(runtime.runs().path(repeat).get(0).run().status()).isEqualTo("FILTERED");
        assertThat(CaptureConnector.events("durable-dedupe"))
                .extracting(e -> e.data().path("orderId").asText())
                .containsExactly("A-1", "B-2");
    }

    @Test
    void anInjectedEventIsCommittedToTheInboxRunsAndAFilteredOneIsRecordedAsFiltered() throws Exception {
        runtime.engine()
                .deploy(flow(
                        "inject",
                        List.of(
                                node("in", "webhook", "path", "/hooks/inject"),
                                node(
                                        "hot",
                                        "filter",
                                        "rules",
                                        ConfigValue.list(
                                                ConfigValue.object("field", "data.score", "op", "gt", "value", 50))),
                                node("out", "test.capture", "sink", "durable-inject")),
                        List.of(Wire.of("in", "hot"), Wire.of("hot", "matched", "out")),
                        null));
        Event hot = Event.create("/designer", "dev.switchboard.sample", Json.parse("{\"score\": 80}"));
        Event cold = Event.create("/designer", "dev.switchboard.sample", Json.parse("{\"score\": 10}"));

        runtime.engine().inject("inject", "in", hot);
        runtime.engine().inject("inject", "in", cold);

        await().until(() -> CaptureConnector.events("durable-inject").size() == 1);
        assertThat(CaptureConnector.events("durable-inject").get(0).id()).isEqualTo(hot.id());
        await().until(() -> runtime.runs().path(cold.id()).size() == 1);
        assertThat(runtime.runs().path(cold.id()).get(0).run().status()).isEqualTo("FILTERED");
        assertThat(runtime.runs().path(cold.id()).get(0).run().endedAt()).isEqualTo("hot:unmatched");
        await().until(() -> runtime.inbox().pendingCount() == 0);
    }

    @Test
    void anEventInjectedIntoAScheduleRunsBeforeInjectReturns() throws Exception {
        runtime.engine()
                .deploy(flow(
                        "inject-tick",
                        List.of(
                                node("tick", "schedule", "interval", "1h"),
                                node("out", "test.capture", "sink", "durable-inject-tick")),
                        List.of(Wire.of("tick", "out")),
                        null));
        Event tick = Event.create("/designer", "dev.switchboard.sample", Json.parse("{\"n\": 1}"));

        runtime.engine().inject("inject-tick", "tick", tick);

        assertThat(CaptureConnector.events("durable-inject-tick"))
                .extracting(Event::id)
                .containsExactly(tick.id());
    }
}
