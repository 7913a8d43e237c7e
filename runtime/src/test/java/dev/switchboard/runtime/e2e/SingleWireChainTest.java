package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.MemoryInbox;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.engine.StepRecord;
import dev.switchboard.runtime.engine.compile.Services;
import dev.switchboard.runtime.metrics.RuntimeMetrics;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.processor.SendProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chain of single wires runs as one Camel route execution (each node's route entered by a
 * {@code NodeHop}, not through {@code direct:}, ADR 8): what one route per node gave must survive —
 * each node's own failure handling, retries and replays from a node inside the chain, per-node
 * counters and the run's steps, hot replace.
 */
class SingleWireChainTest {
    @TempDir
    Path dataDir;

    record DeadLetter(String flowId, String nodeId, Event event, String error, int attempts) {}

    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    final List<RunRecord> runs = new CopyOnWriteArrayList<>();
    Engine engine;
    RuntimeMetrics metrics;

    @BeforeEach
    void start() {
        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0).withDataDir(dataDir),
                        ConnectorCatalog.load(),
                        SecretResolver.of(Map.of()),
                        new Services(),
                        new MemoryInbox(1000, 2),
                        (flowId, nodeId, runId, event, error, attempts) ->
                                deadLetters.add(new DeadLetter(flowId, nodeId, event, error, attempts)))
                .start();
        engine.addRunListener(runs::add);
        metrics = RuntimeMetrics.bind(engine, null, RuntimeMetrics.DEFAULT_STORE_SAMPLE_INTERVAL);
    }

    @AfterEach
    void stop() {
        metrics.close();
        engine.close();
    }

    static Node upper(String id) {
        return node(id, "map", "fields", ConfigValue.object("n", "{{data.n}}", "name", "{{data.name | upper}}"));
    }

    static Node gate(String id, String gate, Object... retry) {
        return retry.length == 0
                ? node(id, "test.gate", "gate", gate)
                : node(id, "test.gate", "gate", gate, "retry", ConfigValue.object(retry));
    }

    /** in → a → g → b → out, every wire single. */
    static Flow line(String id, Node gate) {
        return flow(
                id,
                List.of(inject("in", id), upper("a"), gate, upper("b"), capture("out", id + "-out")),
                List.of(Wire.of("in", "a"), Wire.of("a", "g"), Wire.of("g", "b"), Wire.of("b", "out")));
    }

    List<RunRecord> runsOf(String flowId) {
        return runs.stream().filter(r -> r.flowId().equals(flowId)).toList();
    }

    @Test
    void everyNodeOfAChainKeepsItsStepsAndCountersAndTheFailedNodeIsNamed() throws Exception {
        GateConnector.allow("line-gate", 2);
        engine.deploy(line("line", gate("g", "line-gate")));
        // every node keeps its route (entered by replays and retries), but no route sends along a single wire
        assertThat(engine.camel().getRoutes().stream()
                        .filter(r -> "line".equals(r.getGroup()))
                        .map(Route::getRouteId))
                .contains("line:in", "line:a", "line:g", "line:b", "line:out");
        assertThat(engine.camel().getRoutes().stream()
                        .filter(r -> "line".equals(r.getGroup()))
                        .flatMap(r -> sends(r.navigate()).stream()))
                .isEmpty();

        for (int n = 1; n <= 3; n++) {
            InjectConnector.send(engine.camel(), "line", "{\"n\": " + n + ", \"name\": \"x" + n + "\"}");
        }

        assertThat(CaptureConnector.events("line-out"))
                .extracting(e -> e.data().path("name").asText())
                .containsExactly("X1", "X2");
        await().until(() -> runsOf("line").size() == 3);
        RunRecord ok = runsOf("line").get(0);
        assertThat(ok.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(ok.steps()).extracting(StepRecord::nodeId).containsExactly("in", "a", "g", "b", "out");
        assertThat(ok.steps()).extracting(StepRecord::port).containsOnly("out");

        RunRecord failed = runsOf("line").get(2);
        assertThat(failed.status()).isEqualTo(RunStatus.DEAD_LETTERED);
        assertThat(failed.steps()).extracting(StepRecord::nodeId).containsExactly("in", "a", "g");
        assertThat(failed.steps().get(2).error()).contains("gate line-gate is closed");
        assertThat(deadLetters).singleElement().satisfies(dead -> {
            assertThat(dead.nodeId()).isEqualTo("g");
            assertThat(dead.attempts()).isEqualTo(1);
            // the event as it entered the failed node: after a, before b
            assertThat(dead.event().data().path("name").asText()).isEqualTo("X3");
        });

        String scrape = metrics.scrapeText();
        assertThat(value(scrape, "switchboard_node_events_in_total", "line", "a"))
                .hasValue(3);
        assertThat(value(scrape, "switchboard_node_events_in_total", "line", "g"))
                .hasValue(3);
        assertThat(value(scrape, "switchboard_node_events_in_total", "line", "b"))
                .hasValue(2);
        assertThat(value(scrape, "switchboard_node_events_in_total", "line", "out"))
                .hasValue(2);
    }

    @Test
    void aFailureInsideAChainLeavesThroughThatNodesErrorPort() throws Exception {
        GateConnector.allow("port-gate", 1);
        engine.deploy(flow(
                "port",
                List.of(
                        inject("in", "port"),
                        upper("a"),
                        gate("g", "port-gate"),
                        capture("out", "port-out"),
                        capture("errors", "port-errors")),
                List.of(Wire.of("in", "a"), Wire.of("a", "g"), Wire.of("g", "out"), Wire.of("g", "error", "errors"))));

        InjectConnector.send(engine.camel(), "port", "{\"n\": 1, \"name\": \"one\"}");
        InjectConnector.send(engine.camel(), "port", "{\"n\": 2, \"name\": \"two\"}");

        assertThat(CaptureConnector.events("port-out")).hasSize(1);
        assertThat(CaptureConnector.events("port-errors")).singleElement().satisfies(e -> {
            assertThat(e.data().path("name").asText()).isEqualTo("TWO");
            assertThat(e.extensions()).containsEntry("errornode", "g");
        });
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void aRetryStartsAtTheFailedNodeInsideTheChainAndRunsTheRestOfIt() throws Exception {
        GateConnector.allow("retry-gate", 0);
        engine.deploy(line("retry", gate("g", "retry-gate", "attempts", 3, "backoff", "300ms")));

        InjectConnector.send(engine.camel(), "retry", "{\"n\": 1, \"name\": \"late\"}");
        GateConnector.open("retry-gate");

        await().until(() -> CaptureConnector.events("retry-out").size() == 1);
        assertThat(CaptureConnector.events("retry-out")
                        .get(0)
                        .data()
                        .path("name")
                        .asText())
                .isEqualTo("LATE");
        await().until(() -> runsOf("retry").size() == 2);
        assertThat(runsOf("retry"))
                .extracting(RunRecord::status)
                .containsExactly(RunStatus.RETRYING, RunStatus.SUCCESS);
        assertThat(runsOf("retry").get(1).steps())
                .extracting(StepRecord::nodeId)
                .containsExactly("g", "b", "out");
        assertThat(deadLetters).isEmpty();
        assertThat(value(metrics.scrapeText(), "switchboard_node_events_in_total", "retry", "g"))
                .hasValue(2);
    }

    @Test
    void aReplacedChainRunsTheNewVersionOfEveryNode() throws Exception {
        engine.deploy(line("swap", gate("g", "swap-gate")));
        GateConnector.open("swap-gate");
        InjectConnector.send(engine.camel(), "swap", "{\"n\": 1, \"name\": \"old\"}");

        engine.deploy(flow(
                "swap",
                List.of(
                        inject("in", "swap"),
                        node("a", "map", "fields", ConfigValue.object("name", "v2 {{data.name}}")),
                        gate("g", "swap-gate"),
                        capture("out", "swap-out")),
                List.of(Wire.of("in", "a"), Wire.of("a", "g"), Wire.of("g", "out"))));
        InjectConnector.send(engine.camel(), "swap", "{\"n\": 2, \"name\": \"new\"}");

        assertThat(CaptureConnector.events("swap-out"))
                .extracting(e -> e.data().path("name").asText())
                .containsExactly("OLD", "v2 new");
        assertThat(engine.camel().getRoute("swap:b")).isNull();
    }

    /** The endpoints the processors under {@code at} send to. */
    static List<String> sends(Navigate<Processor> at) {
        List<String> found = new ArrayList<>();
        if (at != null && at.hasNext()) {
            for (Processor processor : at.next()) {
                if (processor instanceof SendProcessor send) {
                    found.add(send.getDestination().getEndpointUri());
                }
                if (processor instanceof Navigate<?> deeper) {
                    @SuppressWarnings("unchecked")
                    Navigate<Processor> next = (Navigate<Processor>) deeper;
                    found.addAll(sends(next));
                }
            }
        }
        return found;
    }

    static OptionalDouble value(String scrape, String name, String flow, String node) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{")
                    && line.contains("flow=\"" + flow + "\"")
                    && line.contains("node=\"" + node + "\"")) {
                return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return OptionalDouble.empty();
    }
}
