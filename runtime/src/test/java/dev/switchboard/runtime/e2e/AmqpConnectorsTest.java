package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.BrokerFlows.chain;
import static dev.switchboard.runtime.e2e.BrokerFlows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedArtemis.class)
class AmqpConnectorsTest {
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
    void sentEventArrivesAtAmqpConsumerWithDataAndCloudEventAttributes() throws Exception {
        engine.deploy(chain(
                "amqp-out",
                node("in", "test.inject", "channel", "amqp-rt"),
                node(
                        "send",
                        "amqp.send",
                        "brokerUrl",
                        SharedArtemis.amqpUrl(),
                        "destination",
                        "amqp.readings",
                        "headers",
                        ConfigValue.object("device", "{{data.device}}"))));
        engine.deploy(chain(
                "amqp-in",
                node(
                        "receive",
                        "amqp.consume",
                        "brokerUrl",
                        SharedArtemis.amqpUrl(),
                        "destination",
                        "amqp.readings",
                        "selector",
                        "device = 'pump-7'"),
                node("seen", "test.capture", "sink", "amqp-rt")));

        InjectConnector.send(engine.camel(), "amqp-rt", "{\"device\": \"fan-1\", \"rpm\": 900}");
        InjectConnector.send(engine.camel(), "amqp-rt", "{\"device\": \"pump-7\", \"rpm\": 1480}");

        await().until(() -> CaptureConnector.events("amqp-rt").size() == 1);
        Event event = CaptureConnector.events("amqp-rt").get(0);
        assertThat(event.data().path("rpm").asInt()).isEqualTo(1480);
        assertThat(event.type()).isEqualTo("dev.switchboard.amqp.message");
        assertThat(event.source()).isEqualTo("/switchboard/flows/amqp-in/receive");
        assertThat(event.subject()).isEqualTo("queue/amqp.readings");
        assertThat(event.id()).isNotBlank();
        engine.undeploy("amqp-out");
        engine.undeploy("amqp-in");
    }

    @Test
    void messageSentOverJmsIsConsumedOverAmqpFromTheSameBroker() throws Exception {
        engine.deploy(chain(
                "x-out",
                node("in", "test.inject", "channel", "amqp-x"),
                node("send", "jms.send", "brokerUrl", SharedArtemis.tcpUrl(), "destination", "cross.q")));
        engine.deploy(chain(
                "x-in",
                node("receive", "amqp.consume", "brokerUrl", SharedArtemis.amqpUrl(), "destination", "cross.q"),
                node("seen", "test.capture", "sink", "amqp-x")));

        InjectConnector.send(engine.camel(), "amqp-x", "\"plain words\"");

        await().until(() -> CaptureConnector.events("amqp-x").size() == 1);
        Event event = CaptureConnector.events("amqp-x").get(0);
        assertThat(event.data().asText()).isEqualTo("plain words");
        assertThat(event.dataContentType()).isEqualTo("text/plain");
        engine.undeploy("x-out");
        engine.undeploy("x-in");
    }
}
