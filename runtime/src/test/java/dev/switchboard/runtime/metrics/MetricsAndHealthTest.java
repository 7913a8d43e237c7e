package dev.switchboard.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metrics and health on a real durable runtime (store in a temp folder, webhooks on a free port,
 * real HTTP posts): the scrape's per-node and per-flow series, the inbox gauges, series removed on
 * undeploy, and readiness with the reason of each failing check.
 */
class MetricsAndHealthTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    DurableRuntime runtime;
    RuntimeMetrics metrics;
    final List<String> gates = new ArrayList<>();

    @BeforeEach
    void start() {
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
        // sample the store at every scrape, so a test sees the inbox as it is
        metrics = RuntimeMetrics.bind(runtime.engine(), runtime.store(), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        gates.forEach(ProbeConnector::release);
        metrics.close();
        runtime.close();
    }

    @Test
    void countsEventsPerNodeAndRunsPerFlowThroughWebhookFilterAndAction() throws Exception {
        runtime.engine()
                .deploy(flow(
                        "orders",
                        List.of(
                                webhook("orders"),
                                new Node(
                                        "big",
                                        "filter",
                                        null,
                                        ConfigValue.object(
                                                "rules",
                                                List.of(ConfigValue.object("field", "data.n", "op", "gt", "value", 2))),
                                        null),
                                new Node("act", "test.probe", null, ConfigValue.Fields.EMPTY, null)),
                        List.of(Wire.of("in", "big"), new Wire("big", "matched", "act"))));

        for (int n = 1; n <= 5; n++) {
            post("orders", "{\"n\": " + n + "}");
        }

        await().untilAsserted(() -> {
            String scrape = metrics.scrapeText();
            assertThat(value(scrape, "switchboard_run_duration_seconds_count", "flow", "orders"))
                    .hasValue(5);
            assertThat(value(scrape, "switchboard_node_events_in_total", "flow", "orders", "node", "in"))
                    .hasValue(5);
            assertThat(value(scrape, "switchboard_node_events_in_total", "flow", "orders", "node", "big"))
                    .hasValue(5);
            assertThat(value(scrape, "switchboard_node_events_in_total", "flow", "orders", "node", "act"))
                    .hasValue(3);
        });
        String scrape = metrics.scrapeText();
        assertThat(value(scrape, "switchboard_node_events_out_total", "flow", "orders", "node", "in"))
                .hasValue(5);
        assertThat(value(scrape, "switchboard_node_events_out_total", "flow", "orders", "node", "big"))
                .hasValue(3);
        assertThat(value(scrape, "switchboard_node_events_filtered_total", "flow", "orders", "node", "big"))
                .hasValue(2);
        assertThat(value(scrape, "switchboard_node_events_out_total", "flow", "orders", "node", "act"))
                .hasValue(3);
        assertThat(value(scrape, "switchboard_node_events_failed_total", "flow", "orders", "node", "act"))
                .hasValue(0);
        assertThat(value(scrape, "switchboard_runs_total", "flow", "orders", "status", "success"))
                .hasValue(3);
        assertThat(value(scrape, "switchboard_runs_total", "flow", "orders", "status", "filtered"))
                .hasValue(2);
        assertThat(value(scrape, "switchboard_node_route_seconds_count", "flow", "orders", "node", "act"))
                .hasValue(3);
        assertThat(value(scrape, "switchboard_inbox_events", "flow", "orders")).hasValue(0);
        assertThat(scrape)
                .as("only nodes have series: no dispatch, inject or failure routes, no Camel tags")
                .doesNotContain(":dispatch", ":inject", "routeId", "camelContext", "sb_internal");
        assertThat(scrape)
                .contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "jvm_classes_loaded_classes")
                .contains("process_cpu_usage", "process_uptime_seconds");

        runtime.engine().undeploy("orders");

        assertThat(metrics.scrapeText())
                .as("an undeployed flow's series are gone")
                .doesNotContain("flow=\"orders\"");
    }

    @Test
    void aFailingNodeCountsFailuresRetriesAndDeadLetters() throws Exception {
        runtime.engine()
                .deploy(flow(
                        "fails",
                        List.of(
                                webhook("fails"),
                                new Node(
                                        "broken",
                                        "test.probe",
                                        null,
                                        ConfigValue.object(
                                                "fail",
                                                true,
                                                "retry",
                                                ConfigValue.object("attempts", 2, "backoff", "10ms")),
                                        null)),
                        List.of(Wire.of("in", "broken"))));

        post("fails", "{\"n\": 1}");

        await().untilAsserted(() -> {
            String scrape = metrics.scrapeText();
            assertThat(value(scrape, "switchboard_runs_total", "flow", "fails", "status", "dead_lettered"))
                    .hasValue(1);
            assertThat(value(scrape, "switchboard_dead_letters", "flow", "fails"))
                    .hasValue(1);
            assertThat(value(scrape, "switchboard_inbox_events", "flow", "fails"))
                    .hasValue(0);
        });
        String scrape = metrics.scrapeText();
        assertThat(value(scrape, "switchboard_runs_total", "flow", "fails", "status", "retrying"))
                .hasValue(1);
        assertThat(value(scrape, "switchboard_node_events_failed_total", "flow", "fails", "node", "broken"))
                .as("each try counts")
                .hasValue(2);
        assertThat(value(scrape, "switchboard_node_events_in_total", "flow", "fails", "node", "broken"))
                .hasValue(2);
        assertThat(value(scrape, "switchboard_inbox_retries", "flow", "fails")).hasValue(0);
    }

    @Test
    void theInboxGaugesShowEventsAFlowHasNotFinished() throws Exception {
        String gate = "held-" + System.nanoTime();
        gates.add(gate);
        runtime.engine()
                .deploy(flow(
                        "held",
                        List.of(
                                webhook("held"),
                                new Node("slow", "test.probe", null, ConfigValue.object("hold", gate), null)),
                        List.of(Wire.of("in", "slow"))));

        for (int n = 1; n <= 10; n++) {
            post("held", "{\"n\": " + n + "}");
        }

        String scrape = metrics.scrapeText();
        assertThat(value(scrape, "switchboard_inbox_events", "flow", "held"))
                .as("every accepted event is kept until its run finished")
                .hasValue(10);
        assertThat(value(scrape, "switchboard_inbox_oldest_age_seconds", "flow", "held"))
                .isPresent();

        ProbeConnector.release(gate);

        await().untilAsserted(() -> assertThat(value(metrics.scrapeText(), "switchboard_inbox_events", "flow", "held"))
                .hasValue(0));
        assertThat(value(metrics.scrapeText(), "switchboard_inbox_oldest_age_seconds", "flow", "held"))
                .hasValue(0);
    }

    @Test
    void readinessIsDownWithTheReasonWhileANodeCannotConnect() throws Exception {
        HealthChecks health = HealthChecks.of(runtime, Set.of("linked"));
        assertThat(health.ready().status()).isEqualTo(503);
        assertThat(health.ready().body()).contains("flow 'linked' is not deployed");

        runtime.engine()
                .deploy(flow(
                        "linked",
                        List.of(
                                webhook("linked"),
                                new Node("broker", "test.probe", null, ConfigValue.object("status", "down"), null)),
                        List.of(Wire.of("in", "broker"))));

        await().untilAsserted(() -> {
            EndpointAnswer ready = health.ready();
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.contentType()).startsWith("application/json");
            assertThat(ready.body())
                    .startsWith("{\"status\": \"DOWN\"")
                    .contains("{\"name\": \"connections\", \"status\": \"DOWN\", \"reason\": \"linked/broker is down:"
                            + " cannot connect to the probe; retrying every 1h\"}")
                    .contains("{\"name\": \"store\", \"status\": \"UP\"}");
        });
        assertThat(value(metrics.scrapeText(), "switchboard_node_connection", "node", "broker", "status", "down"))
                .hasValue(1);
        assertThat(value(metrics.scrapeText(), "switchboard_node_connection", "node", "broker", "status", "up"))
                .hasValue(0);

        runtime.engine()
                .deploy(flow(
                        "linked",
                        List.of(
                                webhook("linked"),
                                new Node("broker", "test.probe", null, ConfigValue.object("status", "up"), null)),
                        List.of(Wire.of("in", "broker"))));

        await().untilAsserted(() -> assertThat(health.ready().status()).isEqualTo(200));
        assertThat(health.ready().body()).startsWith("{\"status\": \"UP\"").doesNotContain("reason");
        assertThat(health.live().status()).isEqualTo(200);
    }

    @Test
    void readinessIsDownWhenTheStoreDoesNotAnswerAndLivenessStaysUp() throws Exception {
        runtime.engine()
                .deploy(flow(
                        "plain",
                        List.of(webhook("plain"), new Node("act", "test.probe", null, ConfigValue.Fields.EMPTY, null)),
                        List.of(Wire.of("in", "act"))));
        Store closed = Store.open("jdbc:h2:mem:closed-" + System.nanoTime());
        closed.close();
        HealthChecks health = new HealthChecks(runtime.engine(), closed, () -> Set.of("plain"));

        EndpointAnswer ready = health.ready();

        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body())
                .contains("{\"name\": \"store\", \"status\": \"DOWN\", \"reason\": \"The store does not answer");
        assertThat(ready.body()).contains("{\"name\": \"flows\", \"status\": \"UP\"}");
        EndpointAnswer live = health.live();
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\": \"UP\", \"checks\": []}");
        assertThat(HealthChecks.of(runtime, Set.of("plain")).ready().status()).isEqualTo(200);
    }

    @Test
    void theScrapeIsPrometheusText() {
        EndpointAnswer answer = metrics.scrape();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(answer.body()).contains("# TYPE process_uptime_seconds gauge");
    }

    static Flow flow(String id, List<Node> nodes, List<Wire> wires) {
        return new Flow(FlowFormat.CURRENT, id, id, null, null, nodes, wires, null);
    }

    static Node webhook(String flowId) {
        return new Node("in", "webhook", null, ConfigValue.object("path", "/hooks/" + flowId), null);
    }

    void post(String flowId, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/" + flowId))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    /** The value of the one series {@code name} whose labels include {@code labels} (pairs), if any. */
    static OptionalDouble value(String scrape, String name, String... labels) {
        OptionalDouble found = OptionalDouble.empty();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name + "{")) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            boolean matches = true;
            for (int i = 0; i < labels.length; i += 2) {
                matches &= series.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (matches) {
                if (found.isPresent()) {
                    throw new AssertionError("more than one series " + name + " with " + List.of(labels));
                }
                found = OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return found;
    }
}
