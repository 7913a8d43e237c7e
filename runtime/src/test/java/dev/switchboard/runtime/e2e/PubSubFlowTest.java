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
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PubSubFlowTest {
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

    static Flow publisher(String id, String topic) {
        return flow(
                id,
                List.of(
                        inject("in", id),
                        node("pub", "event.publish", "topic", topic),
                        capture("after", id + "-after")),
                List.of(Wire.of("in", "pub"), Wire.of("pub", "after")));
    }

    static Flow subscriber(String id, String topic, String sink) {
        return flow(
                id,
                List.of(node("sub", "event.subscribe", "topic", topic), capture("got", sink)),
                List.of(Wire.of("sub", "got")));
    }

    static List<Integer> ids(String sink) {
        return CaptureConnector.events(sink).stream()
                .map(e -> e.data().get("n").asInt())
                .toList();
    }

    @Test
    void subscribersComeAndGoWithoutTouchingThePublisher() throws Exception {
        engine.deploy(publisher("orders-pub", "orders.created"));
        engine.deploy(subscriber("billing", "orders.created", "billing"));

        InjectConnector.send(engine.camel(), "orders-pub", "{\"n\": 1}");
        assertThat(ids("billing")).containsExactly(1);

        engine.deploy(subscriber("shipping", "orders.created", "shipping"));
        InjectConnector.send(engine.camel(), "orders-pub", "{\"n\": 2}");
        assertThat(ids("billing")).containsExactly(1, 2);
        assertThat(ids("shipping")).containsExactly(2);

        assertThat(engine.undeploy("billing")).isTrue();
        InjectConnector.send(engine.camel(), "orders-pub", "{\"n\": 3}");
        assertThat(ids("billing")).containsExactly(1, 2);
        assertThat(ids("shipping")).containsExactly(2, 3);
        assertThat(ids("orders-pub-after")).containsExactly(1, 2, 3);
    }

    @Test
    void replacingASubscriberHandsTheTopicToTheNewVersionOnly() throws Exception {
        engine.deploy(publisher("swap-pub", "swap"));
        engine.deploy(subscriber("swap-sub", "swap", "swap-sub-v1"));
        InjectConnector.send(engine.camel(), "swap-pub", "{\"n\": 1}");

        engine.deploy(subscriber("swap-sub", "swap", "swap-sub-v2"));
        InjectConnector.send(engine.camel(), "swap-pub", "{\"n\": 2}");

        assertThat(ids("swap-sub-v1")).containsExactly(1);
        assertThat(ids("swap-sub-v2")).containsExactly(2);
    }

    @Test
    void deliveredCopiesKeepTheIdAndNameTopicAndPublisher() throws Exception {
        engine.deploy(publisher("lineage-pub", "lineage"));
        engine.deploy(subscriber("lineage-sub", "lineage", "lineage-sub"));

        InjectConnector.send(engine.camel(), "lineage-pub", "{\"n\": 1}");

        Event published = CaptureConnector.events("lineage-pub-after").get(0);
        Event received = CaptureConnector.events("lineage-sub").get(0);
        assertThat(received.id()).isEqualTo(published.id());
        assertThat(received.data()).isEqualTo(published.data()).isNotSameAs(published.data());
        assertThat(received.extensions())
                .containsEntry("sbtopic", "lineage")
                .containsEntry("sbpublisher", "lineage-pub")
                .containsEntry("sbhops", "1");
        assertThat(published.extensions()).doesNotContainKey("sbtopic");
        await().until(() -> runs.stream().anyMatch(r -> r.flowId().equals("lineage-sub")));
        assertThat(runs)
                .filteredOn(r -> r.flowId().equals("lineage-sub"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.eventId()).isEqualTo(published.id());
                    assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
                });
    }

    @Test
    void aFailingSubscriberFailsOnlyItsOwnRun() throws Exception {
        engine.deploy(publisher("fragile-pub", "fragile"));
        engine.deploy(flow(
                "broken-sub",
                List.of(
                        node("sub", "event.subscribe", "topic", "fragile"),
                        node("boom", "test.capture", "sink", "broken-sub", "fail", true)),
                List.of(Wire.of("sub", "boom"))));
        engine.deploy(subscriber("healthy-sub", "fragile", "healthy-sub"));

        InjectConnector.send(engine.camel(), "fragile-pub", "{\"n\": 1}");

        assertThat(ids("healthy-sub")).containsExactly(1);
        assertThat(ids("fragile-pub-after")).containsExactly(1);
        await().until(() -> runs.stream()
                        .filter(r ->
                                r.flowId().equals("fragile-pub") || r.flowId().equals("broken-sub"))
                        .count()
                == 2);
        assertThat(runs)
                .filteredOn(r -> r.flowId().equals("broken-sub"))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.FAILED));
        assertThat(runs)
                .filteredOn(r -> r.flowId().equals("fragile-pub"))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
    }

    @Test
    void publishingWithoutSubscribersJustPassesTheEventOn() throws Exception {
        engine.deploy(publisher("lonely-pub", "nobody.listens"));

        InjectConnector.send(engine.camel(), "lonely-pub", "{\"n\": 1}");

        assertThat(ids("lonely-pub-after")).containsExactly(1);
    }

    @Test
    void theTopicCanComeFromTheEvent() throws Exception {
        engine.deploy(publisher("regional-pub", "orders.{{data.region | lower}}"));
        engine.deploy(subscriber("eu-sub", "orders.eu", "eu-sub"));
        engine.deploy(subscriber("us-sub", "orders.us", "us-sub"));

        InjectConnector.send(engine.camel(), "regional-pub", "{\"n\": 1, \"region\": \"EU\"}");
        InjectConnector.send(engine.camel(), "regional-pub", "{\"n\": 2, \"region\": \"US\"}");
        InjectConnector.send(engine.camel(), "regional-pub", "{\"n\": 3, \"region\": \"EU\"}");

        assertThat(ids("eu-sub")).containsExactly(1, 3);
        assertThat(ids("us-sub")).containsExactly(2);
    }

    @Test
    void aFlowSubscribedToWhatItPublishesStopsAfterAFewHops() throws Exception {
        engine.deploy(flow(
                "echo",
                List.of(
                        node("sub", "event.subscribe", "topic", "echo"),
                        capture("seen", "echo-seen"),
                        node("pub", "event.publish", "topic", "echo")),
                List.of(Wire.of("sub", "seen"), Wire.of("seen", "pub"))));
        engine.deploy(publisher("echo-start", "echo"));

        InjectConnector.send(engine.camel(), "echo-start", "{\"n\": 1}");

        assertThat(ids("echo-start-after")).containsExactly(1);
        assertThat(CaptureConnector.events("echo-seen")).hasSize(8);
    }
}
