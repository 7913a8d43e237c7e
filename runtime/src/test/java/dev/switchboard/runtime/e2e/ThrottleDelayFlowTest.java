package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code throttle} and {@code delay} in a real engine. */
class ThrottleDelayFlowTest {
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

    static List<RunRecord> runsOf(String flowId) {
        return runs.stream().filter(r -> r.flowId().equals(flowId)).toList();
    }

    static List<Integer> ids(String sink) {
        return CaptureConnector.events(sink).stream()
                .map(e -> e.data().get("id").asInt())
                .toList();
    }

    static void send(String channel, String... events) {
        for (String event : events) {
            InjectConnector.send(engine.camel(), channel, event);
        }
    }

    @Test
    void excessEventsWaitTheirTurnAndAllGoOnInOrder() throws Exception {
        engine.deploy(flow(
                "throttle-wait",
                List.of(
                        inject("in", "throttle-wait"),
                        node("t", "throttle", "rate", 2, "per", "300ms"),
                        capture("out", "throttle-wait")),
                List.of(Wire.of("in", "t"), Wire.of("t", "out"))));

        long started = System.nanoTime();
        send("throttle-wait", "{\"id\": 1}", "{\"id\": 2}", "{\"id\": 3}", "{\"id\": 4}", "{\"id\": 5}");

        assertThat(ids("throttle-wait")).containsExactly(1, 2, 3, 4, 5);
        // two per 300 ms: the fifth event cannot have passed before two periods went by
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        await().until(() -> runsOf("throttle-wait").size() == 5);
        assertThat(runsOf("throttle-wait")).extracting(RunRecord::status).containsOnly(RunStatus.SUCCESS);
    }

    @Test
    void excessEventsAreDroppedAsFilteredNotAsErrors() throws Exception {
        engine.deploy(flow(
                "throttle-drop",
                List.of(
                        inject("in", "throttle-drop"),
                        node("t", "throttle", "rate", 2, "per", "1h", "excess", "drop"),
                        capture("out", "throttle-drop")),
                List.of(Wire.of("in", "t"), Wire.of("t", "out"))));

        send("throttle-drop", "{\"id\": 1}", "{\"id\": 2}", "{\"id\": 3}", "{\"id\": 4}");

        assertThat(ids("throttle-drop")).containsExactly(1, 2);
        await().until(() -> runsOf("throttle-drop").size() == 4);
        assertThat(runsOf("throttle-drop"))
                .extracting(RunRecord::status)
                .containsExactly(RunStatus.SUCCESS, RunStatus.SUCCESS, RunStatus.FILTERED, RunStatus.FILTERED);
        assertThat(runsOf("throttle-drop").get(3).endedAt()).isEqualTo("t:dropped");
        assertThat(runsOf("throttle-drop").get(3).error()).isNull();
    }

    @Test
    void eachKeyHasItsOwnRateAndDroppedEventsCanBeWired() throws Exception {
        engine.deploy(flow(
                "throttle-key",
                List.of(
                        inject("in", "throttle-key"),
                        node("t", "throttle", "rate", 1, "per", "1h", "key", "{{data.customer}}", "excess", "drop"),
                        capture("out", "throttle-key"),
                        capture("over", "throttle-key-dropped")),
                List.of(Wire.of("in", "t"), Wire.of("t", "out"), Wire.of("t", "dropped", "over"))));

        send(
                "throttle-key",
                "{\"id\": 1, \"customer\": \"a\"}",
                "{\"id\": 2, \"customer\": \"b\"}",
                "{\"id\": 3, \"customer\": \"a\"}",
                "{\"id\": 4, \"customer\": \"c\"}",
                "{\"id\": 5, \"customer\": \"b\"}");

        assertThat(ids("throttle-key")).containsExactly(1, 2, 4);
        assertThat(ids("throttle-key-dropped")).containsExactly(3, 5);
        await().until(() -> runsOf("throttle-key").size() == 5);
        assertThat(runsOf("throttle-key")).extracting(RunRecord::status).containsOnly(RunStatus.SUCCESS);
    }

    @Test
    void delayedEventsLeaveInTheOrderTheyCameAfterTheirDelay() throws Exception {
        engine.deploy(flow(
                "delayed",
                List.of(
                        inject("in", "delayed"),
                        node("each", "split", "field", "data"),
                        node("wait", "delay", "duration", "150ms"),
                        capture("out", "delayed")),
                List.of(Wire.of("in", "each"), Wire.of("each", "wait"), Wire.of("wait", "out"))));

        long started = System.nanoTime();
        send("delayed", "[{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]");
        send("delayed", "[{\"id\": 4}]");

        assertThat(ids("delayed")).containsExactly(1, 2, 3, 4);
        // each element waited its own delay, one after the other
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        await().until(() -> runsOf("delayed").size() == 2);
        assertThat(runsOf("delayed")).extracting(RunRecord::status).containsOnly(RunStatus.SUCCESS);
        List<String> steps = new ArrayList<>();
        runsOf("delayed").get(1).steps().forEach(s -> steps.add(s.nodeId()));
        assertThat(steps).containsExactly("in", "each", "wait", "out");
        Event delayed = CaptureConnector.events("delayed").get(3);
        assertThat(delayed.extensions()).containsEntry("splitsize", "1");
    }
}
