package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.engine.StepRecord;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch} in a real engine: events in, one event per batch out, and what runs say. */
class BatchFlowTest {
    @TempDir
    static Path data;

    static Engine engine;
    static final List<RunRecord> runs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        engine = Flows.engine(data);
        engine.addRunListener(runs::add);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** inject → batch → map (a node after the batch, so the batch hands on over a wire) → capture. */
    static Flow batchFlow(String id, Object... config) {
        return flow(
                id,
                List.of(
                        inject("in", id),
                        node("b", "batch", config),
                        node(
                                "mark",
                                "map",
                                "mode",
                                "merge",
                                "fields",
                                dev.switchboard.connector.spi.config.ConfigValue.object("seen", "yes")),
                        capture("out", id)),
                List.of(Wire.of("in", "b"), Wire.of("b", "mark"), Wire.of("mark", "out")));
    }

    static void send(String channel, int... ids) {
        for (int id : ids) {
            InjectConnector.send(engine.camel(), channel, "{\"id\": " + id + "}");
        }
    }

    static List<List<Integer>> batches(String sink) {
        List<List<Integer>> batches = new ArrayList<>();
        for (Event batch : CaptureConnector.events(sink)) {
            List<Integer> ids = new ArrayList<>();
            batch.data().get("items").forEach(item -> ids.add(item.get("id").asInt()));
            batches.add(ids);
        }
        return batches;
    }

    static List<RunRecord> runsOf(String flowId, String startedAt) {
        return runs.stream()
                .filter(r -> r.flowId().equals(flowId) && r.triggerNodeId().equals(startedAt))
                .toList();
    }

    @Test
    void aBatchClosesAtItsSizeAndIsARunOfItsOwn() throws Exception {
        engine.deploy(batchFlow("batch-size", "size", 2));

        send("batch-size", 1, 2, 3, 4, 5);

        // a closed batch goes on on the aggregator's own thread, one batch after the other
        await().until(() -> CaptureConnector.events("batch-size").size() == 2);
        assertThat(batches("batch-size")).containsExactly(List.of(1, 2), List.of(3, 4));
        Event first = CaptureConnector.events("batch-size").get(0);
        assertThat(first.type()).isEqualTo("dev.switchboard.batch");
        assertThat(first.source()).isEqualTo("/switchboard/flows/batch-size/b");
        assertThat(first.data().get("count").asInt()).isEqualTo(2);
        assertThat(first.data().get("key").isNull()).isTrue();
        assertThat(first.data().get("closedBy").asText()).isEqualTo("size");
        assertThat(first.data().get("seen").asText()).isEqualTo("yes");

        // every event's run ends at the batch; each batch is a run that begins there
        await().until(() -> runsOf("batch-size", "in").size() == 5
                && runsOf("batch-size", "b").size() == 2);
        assertThat(runsOf("batch-size", "in")).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(r.endedAt()).isEqualTo("b:batched");
        });
        RunRecord batchRun = runsOf("batch-size", "b").get(0);
        assertThat(batchRun.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(batchRun.eventId()).isEqualTo(first.id());
        assertThat(batchRun.parentRunId()).isNull();
        assertThat(batchRun.steps()).extracting(StepRecord::nodeId).containsExactly("b", "mark", "out");
        assertThat(batchRun.steps().get(0).port()).isEqualTo("out");
    }

    @Test
    void aWindowClosesEveryOpenBatchHoweverFewEventsItHolds() throws Exception {
        engine.deploy(batchFlow("batch-window", "window", "150ms"));

        send("batch-window", 1, 2, 3);

        // the three may straddle the end of a window: what matters is all arrive, in order, closed by it
        await().until(() ->
                batches("batch-window").stream().mapToInt(List::size).sum() == 3);
        assertThat(batches("batch-window").stream().flatMap(List::stream)).containsExactly(1, 2, 3);
        assertThat(CaptureConnector.events("batch-window"))
                .extracting(e -> e.data().get("closedBy").asText())
                .containsOnly("window");
    }

    @Test
    void eachKeyHasItsOwnBatch() throws Exception {
        engine.deploy(batchFlow("batch-key", "size", 2, "key", "{{data.customer}}"));

        for (String event : List.of(
                "{\"id\": 1, \"customer\": \"a\"}",
                "{\"id\": 2, \"customer\": \"b\"}",
                "{\"id\": 3}",
                "{\"id\": 4, \"customer\": \"a\"}",
                "{\"id\": 5, \"customer\": \"b\"}",
                "{\"id\": 6}")) {
            InjectConnector.send(engine.camel(), "batch-key", event);
        }

        await().until(() -> CaptureConnector.events("batch-key").size() == 3);
        assertThat(batches("batch-key")).containsExactly(List.of(1, 4), List.of(2, 5), List.of(3, 6));
        assertThat(CaptureConnector.events("batch-key"))
                .extracting(e -> e.data().get("key"))
                .containsExactly(Json.parse("\"a\""), Json.parse("\"b\""), Json.parse("\"\""));
    }

    @Test
    void stoppingTheFlowHandsOnThePartialBatch() throws Exception {
        engine.deploy(batchFlow("batch-undeploy", "size", 10, "window", "1h"));
        send("batch-undeploy", 1, 2, 3);
        assertThat(CaptureConnector.events("batch-undeploy")).isEmpty();

        engine.undeploy("batch-undeploy");

        assertThat(batches("batch-undeploy")).containsExactly(List.of(1, 2, 3));
        JsonNode batch = CaptureConnector.events("batch-undeploy").get(0).data();
        assertThat(batch.get("closedBy").asText()).isEqualTo("stop");
        assertThat(batch.get("seen").asText()).isEqualTo("yes");
    }

    @Test
    void stoppingTheEngineHandsOnThePartialBatch(@TempDir Path own) throws Exception {
        Engine stopping = Flows.engine(own);
        List<RunRecord> stoppingRuns = new CopyOnWriteArrayList<>();
        stopping.addRunListener(stoppingRuns::add);
        stopping.deploy(batchFlow("batch-close", "size", 10));
        for (int id = 1; id <= 4; id++) {
            InjectConnector.send(stopping.camel(), "batch-close", "{\"id\": " + id + "}");
        }
        assertThat(CaptureConnector.events("batch-close")).isEmpty();

        stopping.close();

        assertThat(batches("batch-close")).containsExactly(List.of(1, 2, 3, 4));
        assertThat(CaptureConnector.events("batch-close")
                        .get(0)
                        .data()
                        .get("closedBy")
                        .asText())
                .isEqualTo("stop");
        assertThat(stoppingRuns)
                .filteredOn(r -> r.triggerNodeId().equals("b"))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
    }
}
