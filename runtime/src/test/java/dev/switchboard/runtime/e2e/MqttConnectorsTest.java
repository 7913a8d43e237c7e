package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.BrokerFlows.chain;
import static dev.switchboard.runtime.e2e.BrokerFlows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.broker.DevBroker;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.StatusBoard;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedArtemis.class)
class MqttConnectorsTest {
    static Engine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = BrokerFlows.engine();
        engine.deploy(chain(
                "publisher",
                node("in", "test.inject", "channel", "mqtt"),
                node(
                        "publish",
                        "mqtt.publish",
                        "brokerUrl",
                        SharedArtemis.tcpUrl(),
                        "topic",
                        "{{data.topic}}",
                        "qos",
                        "1")));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static void subscribe(String flowId, String filter, String sink, Object... extra) throws Exception {
        Object[] config = new Object[4 + extra.length];
        config[0] = "brokerUrl";
        config[1] = SharedArtemis.tcpUrl();
        config[2] = "topic";
        config[3] = filter;
        System.arraycopy(extra, 0, config, 4, extra.length);
        engine.deploy(chain(flowId, node("sub", "mqtt.subscribe", config), node("seen", "test.capture", "sink", sink)));
        await().until(() -> engine.nodeStatus(flowId, "sub")
                .map(s -> s.state() == StatusBoard.State.UP)
                .orElse(false));
    }

    static void publish(String topic, String extraJson) {
        InjectConnector.send(engine.camel(), "mqtt", "{\"topic\": \"" + topic + "\"" + extraJson + "}");
    }

    @Test
    void publishedEventArrivesAtSubscriberWithTopicAsSubject() throws Exception {
        subscribe("rt", "rt/kitchen/temperature", "mqtt-rt", "qos", "2");

        publish("rt/kitchen/temperature", ", \"celsius\": 21.5");

        await().until(() -> CaptureConnector.events("mqtt-rt").size() == 1);
        Event event = CaptureConnector.events("mqtt-rt").get(0);
        assertThat(event.data().path("celsius").decimalValue()).isEqualByComparingTo("21.5");
        assertThat(event.type()).isEqualTo("dev.switchboard.mqtt.message");
        assertThat(event.subject()).isEqualTo("rt/kitchen/temperature");
        assertThat(event.source()).isEqualTo("/switchboard/flows/rt/sub");
        assertThat(event.id()).isNotBlank();
        engine.undeploy("rt");
    }

    @Test
    void plusFilterMatchesExactlyOneLevel() throws Exception {
        subscribe("plus", "plus/+/temperature", "mqtt-plus");

        publish("plus/kitchen/temperature", "");
        publish("plus/kitchen/humidity", "");
        publish("plus/house/kitchen/temperature", "");
        publish("plus/hall/temperature", "");

        await().until(() -> CaptureConnector.events("mqtt-plus").size() >= 2);
        publishMarkerAndWait("plus/marker/temperature", "mqtt-plus");
        assertThat(CaptureConnector.events("mqtt-plus"))
                .extracting(Event::subject)
                .containsExactly("plus/kitchen/temperature", "plus/hall/temperature", "plus/marker/temperature");
        engine.undeploy("plus");
    }

    @Test
    void hashFilterMatchesEverythingBelowItsLevel() throws Exception {
        subscribe("hash", "hash/plant/#", "mqtt-hash");

        publish("hash/plant/a", "");
        publish("hash/other/a", "");
        publish("hash/plant/a/b/c", "");

        await().until(() -> CaptureConnector.events("mqtt-hash").size() >= 2);
        publishMarkerAndWait("hash/plant/marker", "mqtt-hash");
        assertThat(CaptureConnector.events("mqtt-hash"))
                .extracting(Event::subject)
                .containsExactly("hash/plant/a", "hash/plant/a/b/c", "hash/plant/marker");
        engine.undeploy("hash");
    }

    @Test
    void retainedMessageReachesALaterSubscriber() throws Exception {
        engine.deploy(chain(
                "retainer",
                node("in", "test.inject", "channel", "mqtt-retain"),
                node(
                        "publish",
                        "mqtt.publish",
                        "brokerUrl",
                        SharedArtemis.tcpUrl(),
                        "topic",
                        "state/pump",
                        "retained",
                        true)));
        InjectConnector.send(engine.camel(), "mqtt-retain", "{\"running\": true}");

        subscribe("late-sub", "state/#", "mqtt-retained");

        await().until(() -> CaptureConnector.events("mqtt-retained").size() == 1);
        assertThat(CaptureConnector.events("mqtt-retained")
                        .get(0)
                        .data()
                        .path("running")
                        .asBoolean())
                .isTrue();
        engine.undeploy("late-sub");
        engine.undeploy("retainer");
    }

    @Test
    void subscriberOfAnUnreachableBrokerReportsItAndSubscribesOnceTheBrokerStarts() throws Exception {
        int port = SharedArtemis.freePort();
        String url = "tcp://127.0.0.1:" + port;
        engine.deploy(chain(
                "mqtt-late",
                node("sub", "mqtt.subscribe", "brokerUrl", url, "topic", "late/#", "reconnectInterval", "200ms"),
                node("seen", "test.capture", "sink", "mqtt-late")));

        await().until(() -> engine.nodeStatus("mqtt-late", "sub")
                .map(s -> s.state() == StatusBoard.State.DOWN)
                .orElse(false));
        assertThat(engine.nodeStatus("mqtt-late", "sub").orElseThrow().message())
                .isEqualTo("cannot connect to MQTT broker " + url + " (Connection refused); retrying every 200ms");
        publish("unaffected/x", "");

        try (DevBroker late = SharedArtemis.start(port)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> engine.nodeStatus("mqtt-late", "sub")
                            .map(s -> s.state() == StatusBoard.State.UP)
                            .orElse(false));
            engine.deploy(chain(
                    "late-pub",
                    node("in", "test.inject", "channel", "mqtt-late"),
                    node("publish", "mqtt.publish", "brokerUrl", url, "topic", "late/one")));
            InjectConnector.send(engine.camel(), "mqtt-late", "{\"n\": 1}");
            await().until(() -> CaptureConnector.events("mqtt-late").size() == 1);
            engine.undeploy("late-pub");
            engine.undeploy("mqtt-late");
        }
    }

    /** MQTT keeps order per topic filter: once a later marker arrived, nothing earlier is on its way. */
    private static void publishMarkerAndWait(String topic, String sink) {
        publish(topic, "");
        await().until(() ->
                List.copyOf(CaptureConnector.events(sink)).stream().anyMatch(e -> topic.equals(e.subject())));
    }
}
