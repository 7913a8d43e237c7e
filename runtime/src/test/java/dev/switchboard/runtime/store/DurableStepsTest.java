package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.RunRecord;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * split and batch on the durable runtime, events arriving over HTTP at a webhook: one element's
 * failure is that element's dead letter, and a batch's run is kept in the run history.
 */
class DurableStepsTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    DurableRuntime runtime;
    final List<RunRecord> runs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
        runtime.engine().addRunListener(runs::add);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    static Flow line(String id, Node... nodes) {
        List<Node> all = new java.util.ArrayList<>();
        all.add(new Node("in", "webhook", null, ConfigValue.object("path", "/hooks/" + id), null));
        all.addAll(List.of(nodes));
        List<Wire> wires = new java.util.ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            wires.add(Wire.of(all.get(i - 1).id(), all.get(i).id()));
        }
        return new Flow(FlowFormat.CURRENT, id, id, null, null, all, wires, null);
    }

    static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    void push(String flowId, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/" + flowId))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void anElementThatFailsIsDeadLetteredAloneAndTheOthersGoOn() throws Exception {
        runtime.engine()
                .deploy(line(
                        "durable-split",
                        node("each", "split", "field", "data.items"),
                        // a JSONata error for the element marked bad: not retried, so dead-lettered at once
                        node("check", "map", "jsonata", "data.bad ? $number('not a number') : data"),
                        node("out", "test.capture", "sink", "durable-split")));

        push("durable-split", "{\"items\": [{\"n\": 1}, {\"n\": 2, \"bad\": true}, {\"n\": 3}]}");

        await().until(() -> runs.stream().anyMatch(r -> r.flowId().equals("durable-split")));
        assertThat(CaptureConnector.events("durable-split"))
                .extracting(e -> e.data().get("n").asInt())
                .containsExactly(1, 3);
        RunRecord run = runs.stream()
                .filter(r -> r.flowId().equals("durable-split"))
                .findFirst()
                .orElseThrow();
        assertThat(run.status()).isEqualTo(RunRecord.RunStatus.DEAD_LETTERED);
        List<DeadLetter> letters =
                runtime.deadLetters().list(DeadLetterFilter.all().withFlow("durable-split"), 10);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.nodeId()).isEqualTo("check");
            assertThat(letter.error()).contains("The JSONata expression failed");
            Event element = Json.fromCloudEvent(Json.parse(letter.event()));
            assertThat(element.data()).isEqualTo(Json.parse("{\"n\": 2, \"bad\": true}"));
            assertThat(element.extensions())
                    .containsEntry("correlationid", run.eventId())
                    .containsEntry("splitindex", "1");
        });
        await().until(() -> runtime.inbox().pendingCount() == 0);
    }

    @Test
    void aBatchIsARunInTheHistoryBesideTheRunsOfItsEvents() throws Exception {
        runtime.engine()
                .deploy(line(
                        "durable-batch",
                        node("b", "batch", "size", 2),
                        node("out", "test.capture", "sink", "durable-batch")));

        push("durable-batch", "{\"n\": 1}");
        push("durable-batch", "{\"n\": 2}");

        await().until(() -> CaptureConnector.events("durable-batch").size() == 1);
        await().until(() -> runtime.runs().list("durable-batch", null, 10).size() == 3);
        List<RunQueries.Run> history = runtime.runs().list("durable-batch", null, 10);
        assertThat(history)
                .filteredOn(r -> r.triggerNode().equals("in"))
                .hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualToIgnoringCase("success");
                    assertThat(r.endedAt()).isEqualTo("b:batched");
                });
        assertThat(history)
                .filteredOn(r -> r.triggerNode().equals("b"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualToIgnoringCase("success");
                    assertThat(r.eventId())
                            .isEqualTo(CaptureConnector.events("durable-batch")
                                    .get(0)
                                    .id());
                });
        await().until(() -> runtime.inbox().pendingCount() == 0);
    }
}
