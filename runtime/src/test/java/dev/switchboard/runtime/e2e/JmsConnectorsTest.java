package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.BrokerFlows.chain;
import static dev.switchboard.runtime.e2e.BrokerFlows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.broker.DevBroker;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.StatusBoard;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedArtemis.class)
class JmsConnectorsTest {
    static Engine engine;

    @BeforeAll
    static void start() {
        engine = BrokerFlows.engine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void sentEventArrivesAtConsumerWithDataAndCloudEventAttributes() throws Exception {
        engine.deploy(chain(
                "jms-out",
                node("in", "test.inject", "channel", "jms-rt"),
                node(
                        "send",
                        "jms.send",
                        "brokerUrl",
                        SharedArtemis.tcpUrl(),
                        "destination",
                        "rt.orders",
                        "headers",
                        ConfigValue.object("region", "{{data.region | upper}}"))));
        engine.deploy(chain(
                "jms-in",
                node(
                        "receive",
                        "jms.consume",
                        "brokerUrl",
                        SharedArtemis.tcpUrl(),
                        "destination",
                        "rt.orders",
                        "selector",
                        "region = 'EU'"),
                node("seen", "test.capture", "sink", "jms-rt")));

        InjectConnector.send(engine.camel(), "jms-rt", "{\"order\": 7, \"region\": \"us\"}");
        InjectConnector.send(engine.camel(), "jms-rt", "{\"order\": 8, \"region\": \"eu\"}");

        await().until(() -> CaptureConnector.events("jms-rt").size() == 1);
        Event event = CaptureConnector.events("jms-rt").get(0);
        assertThat(event.data().path("order").asInt()).isEqualTo(8);
        assertThat(event.type()).isEqualTo("dev.switchboard.jms.message");
        assertThat(event.source()).isEqualTo("/switchboard/flows/jms-in/receive");
        assertThat(event.subject()).isEqualTo("queue/rt.orders");
        assertThat(event.dataContentType()).isEqualTo("application/json");
        assertThat(event.id()).startsWith("ID:");
        engine.undeploy("jms-out");
        engine.undeploy("jms-in");
    }

    @Test
    void cloudEventBodyKeepsTheOriginalEventAcrossTheBroker() throws Exception {
        engine.deploy(chain(
                "ce-out",
                node("in", "test.inject", "channel", "jms-ce"),
                node("keep", "test.capture", "sink", "jms-ce-sent"),
                node(
                        "send",
                        "jms.send",
                        "brokerUrl",
                        SharedArtemis.tcpUrl(),
                        "destinationType",
                        "topic",
                        "destination",
                        "ce.events",
                        "body",
                        "cloudevent")));
        engine.deploy(chain(
                "ce-in",
                node(
                        "receive",
                        "jms.consume",
                        "brokerUrl",
                        SharedArtemis.tcpUrl(),
                        "destinationType",
                        "topic",
                        "destination",
                        "ce.events"),
                node("seen", "test.capture", "sink", "jms-ce")));
        // a topic only delivers to subscribers that exist: wait until the consumer is connected
        await().until(() -> engine.nodeStatus("ce-in", "receive")
                .map(s -> s.state() == StatusBoard.State.UP)
                .orElse(false));

        await().untilAsserted(() -> {
            InjectConnector.send(engine.camel(), "jms-ce", "{\"n\": 1}");
            assertThat(CaptureConnector.events("jms-ce")).isNotEmpty();
        });

        Event received = CaptureConnector.events("jms-ce").get(0);
        Event sent = CaptureConnector.events("jms-ce-sent").stream()
                .filter(e -> e.id().equals(received.id()))
                .findFirst()
                .orElseThrow();
        assertThat(received.source()).isEqualTo(sent.source());
        assertThat(received.type()).isEqualTo("dev.switchboard.test.injected");
        assertThat(received.data()).isEqualTo(sent.data());
        engine.undeploy("ce-out");
        engine.undeploy("ce-in");
    }

    @Test
    void failingFlowRollsBackSoTheMessageIsRedeliveredNotLost() throws Exception {
        engine.deploy(chain(
                "tx-out",
                node("in", "test.inject", "channel", "jms-tx"),
                node("send", "jms.send", "brokerUrl", SharedArtemis.tcpUrl(), "destination", "tx.work")));
        engine.deploy(chain(
                "tx-in",
                node("receive", "jms.consume", "brokerUrl", SharedArtemis.tcpUrl(), "destination", "tx.work"),
                node("attempt", "test.capture", "sink", "jms-tx-attempts"),
                node("boom", "test.capture", "sink", "never", "fail", true)));

        InjectConnector.send(engine.camel(), "jms-tx", "{\"job\": 42}");

        await().until(() -> CaptureConnector.events("jms-tx-attempts").size() >= 2);
        assertThat(CaptureConnector.events("jms-tx-attempts"))
                .extracting(Event::id)
                .containsOnly(CaptureConnector.events("jms-tx-attempts").get(0).id());

        // the fixed flow replaces the failing one and gets the same message
        engine.deploy(chain(
                "tx-in",
                node("receive", "jms.consume", "brokerUrl", SharedArtemis.tcpUrl(), "destination", "tx.work"),
                node("done", "test.capture", "sink", "jms-tx-done")));
        await().until(() -> CaptureConnector.events("jms-tx-done").size() == 1);
        assertThat(CaptureConnector.events("jms-tx-done")
                        .get(0)
                        .data()
                        .path("job")
                        .asInt())
                .isEqualTo(42);
        await().until(() -> SharedArtemis.broker().messageCount("tx.work") == 0);
        engine.undeploy("tx-out");
        engine.undeploy("tx-in");
    }

    @Test
    void consumerOfAnUnreachableBrokerReportsItAndConnectsOnceTheBrokerStarts() throws Exception {
        int port = SharedArtemis.freePort();
        String url = "tcp://127.0.0.1:" + port;
        engine.deploy(chain(
                "late-in",
                node("receive", "jms.consume", "brokerUrl", url, "destination", "late.q", "reconnectInterval", "200ms"),
                node("seen", "test.capture", "sink", "jms-late")));
        engine.deploy(chain(
                "unaffected",
                node("in", "test.inject", "channel", "jms-other"),
                node("seen", "test.capture", "sink", "jms-other")));

        await().until(() -> engine.nodeStatus("late-in", "receive")
                .map(s -> s.state() == StatusBoard.State.DOWN)
                .orElse(false));
        assertThat(engine.nodeStatus("late-in", "receive").orElseThrow().message())
                .startsWith("cannot connect to JMS broker " + url + " (")
                .endsWith("retrying every 200ms");
        InjectConnector.send(engine.camel(), "jms-other", "{}");
        assertThat(CaptureConnector.events("jms-other")).hasSize(1);

        try (DevBroker late = SharedArtemis.start(port)) {
            engine.deploy(chain(
                    "late-out",
                    node("in", "test.inject", "channel", "jms-late"),
                    node("send", "jms.send", "brokerUrl", url, "destination", "late.q")));
            InjectConnector.send(engine.camel(), "jms-late", "{\"late\": true}");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> CaptureConnector.events("jms-late").size() == 1);
            assertThat(engine.nodeStatus("late-in", "receive").orElseThrow().state())
                    .isEqualTo(StatusBoard.State.UP);
            engine.undeploy("late-out");
            engine.undeploy("late-in");
        }
        engine.undeploy("unaffected");
    }
}
