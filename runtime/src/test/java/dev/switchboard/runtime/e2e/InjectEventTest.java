package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.node;
import static dev.switchboard.runtime.e2e.Flows.rule;
import static dev.switchboard.runtime.e2e.Flows.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The designer's "inject a sample event" on the in-memory engine: push and pull triggers, and bad targets. */
class InjectEventTest {
    @TempDir
    static Path data;

    static Engine engine;
    static final List<RunRecord> runs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        engine = Flows.engine(data);
        engine.addRunListener(runs::add);
        engine.deploy(hotLeads("inject-hook", "/hooks/inject-leads", "inject-hook"));
        engine.deploy(chain(
                "inject-tick",
                node("tick", "schedule", "mode", "interval", "interval", "1h"),
                capture("out", "inject-tick")));
        engine.deploy(chain(
                "inject-fail",
                node("tick", "schedule", "mode", "interval", "interval", "1h"),
                node("boom", "test.capture", "sink", "inject-never", "fail", true)));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** webhook → filter (score > 50) → capture. */
    static Flow hotLeads(String id, String path, String sink) {
        return flow(
                id,
                List.of(
                        node("hook", "webhook", "path", path),
                        node("hot", "filter", "rules", rules(rule("data.score", "gt", 50))),
                        capture("out", sink)),
                List.of(Wire.of("hook", "hot"), Wire.of("hot", "matched", "out")));
    }

    static Event lead(int score) {
        return Event.create("/designer", "dev.switchboard.sample", Json.parse("{\"score\": " + score + "}"));
    }

    static Optional<RunRecord> runOf(String eventId) {
        return runs.stream().filter(r -> r.eventId().equals(eventId)).findFirst();
    }

    @Test
    void anEventInjectedIntoAWebhookGoesThroughTheInboxAndTheFlow() {
        Event hot = lead(80);
        engine.inject("inject-hook", "hook", hot);

        await().until(() -> CaptureConnector.events("inject-hook").stream().anyMatch(e -> e.id().equals(hot.id())));
        await().until(() -> runOf(hot.id()).isPresent());
        RunRecord run = runOf(hot.id()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.triggerNodeId()).isEqualTo("hook");
        assertThat(run.steps())
                .extracting(s -> s.nodeId() + ":" + s.port())
                .containsExactly("hook:out", "hot:matched", "out:out");
    }

    @Test
    void anInjectedEventTheFilterRejectsEndsFiltered() {
        Event cold = lead(10);
        engine.inject("inject-hook", "hook", cold);

        await().until(() -> runOf(cold.id()).isPresent());
        assertThat(runOf(cold.id()).orElseThrow().status()).isEqualTo(RunStatus.FILTERED);
        assertThat(CaptureConnector.events("inject-hook")).extracting(Event::id).doesNotContain(cold.id());
    }

    @Test
    void injectingIntoAPullTriggerRunsTheFlowBeforeReturning() {
        Event tick = lead(1);
        engine.inject("inject-tick", "tick", tick);

        assertThat(CaptureConnector.events("inject-tick")).extracting(Event::id).containsExactly(tick.id());
    }

    @Test
    void aRunThatFailsIsReportedNotThrown() {
        Event tick = lead(1);
        engine.inject("inject-fail", "tick", tick);

        await().until(() -> runOf(tick.id()).isPresent());
        assertThat(runOf(tick.id()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(runOf(tick.id()).orElseThrow().error()).contains("told to fail");
    }

    @Test
    void injectingIntoAFlowThatIsNotRunningSaysSo() {
        assertThatThrownBy(() -> engine.inject("no-such-flow", "hook", lead(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot inject into flow 'no-such-flow': it is not running");
    }

    @Test
    void injectingIntoAMissingNodeOrAStepSaysEventsEnterAtATrigger() {
        assertThatThrownBy(() -> engine.inject("inject-hook", "nope", lead(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot inject into flow 'inject-hook': it has no node 'nope'");
        assertThatThrownBy(() -> engine.inject("inject-hook", "hot", lead(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 'hot' of flow 'inject-hook'")
                .hasMessageContaining("filter node, not a trigger");
    }

    @Test
    void addressesListTheFullUrlOfEachWebhookNode() {
        assertThat(engine.addresses("inject-hook"))
                .containsExactly(Map.entry("hook", List.of(engine.httpBaseUrl() + "/hooks/inject-leads")));
        assertThat(engine.addresses("inject-tick")).isEmpty();
        assertThat(engine.addresses("no-such-flow")).isEmpty();
    }
}
