package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static dev.switchboard.runtime.e2e.Flows.rule;
import static dev.switchboard.runtime.e2e.Flows.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.engine.StepRecord;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code split} in a real engine: test.inject → split → … → test.capture. */
class SplitFlowTest {
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

    static RunRecord onlyRunOf(String flowId) {
        await().until(() -> runs.stream().anyMatch(r -> r.flowId().equals(flowId)));
        return runs.stream().filter(r -> r.flowId().equals(flowId)).toList().get(0);
    }

    static void splitFlow(String id, String field) throws Exception {
        engine.deploy(flow(
                id,
                List.of(inject("in", id), node("each", "split", "field", field), capture("out", id)),
                List.of(Wire.of("in", "each"), Wire.of("each", "out"))));
    }

    @Test
    void eachElementBecomesAnEventWithItsOwnIdTiedToTheOriginal() throws Exception {
        splitFlow("split-lines", "data.order.lines");

        InjectConnector.send(
                engine.camel(), "split-lines", "{\"order\": {\"lines\": [{\"sku\": \"A\"}, {\"sku\": \"B\"}, 7]}}");

        List<Event> out = CaptureConnector.events("split-lines");
        assertThat(out)
                .extracting(Event::data)
                .containsExactly(Json.parse("{\"sku\": \"A\"}"), Json.parse("{\"sku\": \"B\"}"), Json.parse("7"));
        RunRecord run = onlyRunOf("split-lines");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(out).extracting(Event::id).doesNotHaveDuplicates().doesNotContain(run.eventId());
        assertThat(out).allSatisfy(e -> {
            assertThat(e.extensions())
                    .containsEntry("correlationid", run.eventId())
                    .containsEntry("splitsize", "3");
            assertThat(e.source()).isEqualTo("/switchboard/flows/split-lines/in");
        });
        assertThat(out).extracting(e -> e.extensions().get("splitindex")).containsExactly("0", "1", "2");
        // one run: the split's output and each element entering the capture are its steps
        assertThat(run.steps())
                .filteredOn(s -> s.nodeId().equals("out"))
                .extracting(StepRecord::input)
                .containsExactlyElementsOf(out);
    }

    @Test
    void anEmptyArraySendsNothingOnAndTheRunIsFiltered() throws Exception {
        splitFlow("split-empty", "data.items");

        InjectConnector.send(engine.camel(), "split-empty", "{\"items\": []}");

        RunRecord run = onlyRunOf("split-empty");
        assertThat(run.status()).isEqualTo(RunStatus.FILTERED);
        assertThat(run.endedAt()).isEqualTo("each:empty");
        assertThat(CaptureConnector.events("split-empty")).isEmpty();
    }

    @Test
    void aFieldThatIsNotAnArrayFailsTheEventSayingWhatItHolds() throws Exception {
        splitFlow("split-object", "data.items");

        // a bare engine keeps no dead letters: the failure reaches the one who sent the event
        assertThatThrownBy(() -> InjectConnector.send(engine.camel(), "split-object", "{\"items\": {\"sku\": \"A\"}}"))
                .rootCause()
                .hasMessageContaining("data.items is an object, not an array");

        RunRecord run = onlyRunOf("split-object");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("data.items is an object, not an array", "split needs an array");
        assertThat(CaptureConnector.events("split-object")).isEmpty();
    }

    @Test
    void aSplitInsideASplitTiesEachElementToTheOneItCameFrom() throws Exception {
        engine.deploy(flow(
                "split-nested",
                List.of(
                        inject("in", "split-nested"),
                        node("orders", "split", "field", "data.orders"),
                        node("lines", "split", "field", "data.lines"),
                        capture("out", "split-nested")),
                List.of(Wire.of("in", "orders"), Wire.of("orders", "lines"), Wire.of("lines", "out"))));

        InjectConnector.send(
                engine.camel(),
                "split-nested",
                "{\"orders\": [{\"id\": 1, \"lines\": [\"a\", \"b\"]}, {\"id\": 2, \"lines\": [\"c\"]}]}");

        List<Event> out = CaptureConnector.events("split-nested");
        assertThat(out).extracting(e -> e.data().asText()).containsExactly("a", "b", "c");
        assertThat(out).extracting(e -> e.extensions().get("splitsize")).containsExactly("2", "2", "1");
        assertThat(out.get(0).extensions().get("correlationid"))
                .isEqualTo(out.get(1).extensions().get("correlationid"))
                .isNotEqualTo(out.get(2).extensions().get("correlationid"))
                .isNotEqualTo(onlyRunOf("split-nested").eventId());
        assertThat(onlyRunOf("split-nested").status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void theRunIsFilteredOnlyWhenEveryElementWas() throws Exception {
        engine.deploy(flow(
                "split-filter",
                List.of(
                        inject("in", "split-filter"),
                        node("each", "split", "field", "data"),
                        node("big", "filter", "rules", rules(rule("data", "gt", 10))),
                        capture("out", "split-filter")),
                List.of(Wire.of("in", "each"), Wire.of("each", "big"), Wire.of("big", "matched", "out"))));

        InjectConnector.send(engine.camel(), "split-filter", "[1, 20, 3]");
        InjectConnector.send(engine.camel(), "split-filter", "[1, 2]");

        await().until(() ->
                runs.stream().filter(r -> r.flowId().equals("split-filter")).count() == 2);
        assertThat(runs.stream().filter(r -> r.flowId().equals("split-filter")))
                .extracting(RunRecord::status)
                .containsExactly(RunStatus.SUCCESS, RunStatus.FILTERED);
        assertThat(CaptureConnector.events("split-filter"))
                .extracting(e -> e.data().asInt())
                .containsExactly(20);
    }
}
