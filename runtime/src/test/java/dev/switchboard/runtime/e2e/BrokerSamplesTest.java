package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.BrokerFlows.chain;
import static dev.switchboard.runtime.e2e.BrokerFlows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.StatusBoard;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broker samples, run against the shared Artemis and a GreenMail server with their addresses pointed there. */
@ExtendWith(SharedArtemis.class)
class BrokerSamplesTest {
    static final Path SAMPLES = Path.of("..", "samples");
    static GreenMail mail;
    static Engine engine;

    @BeforeAll
    static void start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        engine = BrokerFlows.engine();
    }

    @AfterAll
    static void stop() {
        engine.close();
        mail.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"iot-temperature-alert", "customer-events-to-kafka"})
    void sampleIsWrittenCanonically(String name) throws Exception {
        String text = Files.readString(SAMPLES.resolve(name + ".flow.json"), StandardCharsets.UTF_8);
        Flow flow = FlowCodec.read(text);
        assertThat(flow.id()).isEqualTo(name);
        assertThat(flow.description()).isNotBlank();
        assertThat(flow.tags()).isNotEmpty();
        assertThat(FlowCodec.write(flow)).isEqualTo(text);
    }

    @Test
    void iotSampleMailsAnAlertOnlyForHotReadings() throws Exception {
        assumeConnectors("filter");
        Flow sample = sample("iot-temperature-alert");
        Flow withBroker = sample.withNode(configured(sample, "readings", "brokerUrl", SharedArtemis.tcpUrl()));
        Flow withHost = withBroker.withNode(configured(withBroker, "alert", "host", "127.0.0.1"));
        Flow local = withHost.withNode(
                configured(withHost, "alert", "port", mail.getSmtp().getPort()));
        engine.deploy(local);
        engine.deploy(chain(
                "sensors",
                node("in", "test.inject", "channel", "sensors"),
                node(
                        "publish",
                        "mqtt.publish",
                        "brokerUrl",
                        SharedArtemis.tcpUrl(),
                        "topic",
                        "sensors/{{data.sensor}}/temperature")));
        await().until(() -> engine.nodeStatus(local.id(), "readings")
                .map(s -> s.state() == StatusBoard.State.UP)
                .orElse(false));

        InjectConnector.send(engine.camel(), "sensors", "{\"sensor\": \"office\", \"celsius\": 21.0}");
        InjectConnector.send(engine.camel(), "sensors", "{\"sensor\": \"cold-room\", \"celsius\": 34.2}");

        await().until(() -> mail.getReceivedMessages().length == 1);
        MimeMessage alert = mail.getReceivedMessages()[0];
        assertThat(alert.getSubject()).isEqualTo("Temperature alert: cold-room at 34.2 °C");
        assertThat(alert.getContent().toString()).contains("sensors/cold-room/temperature");
        engine.undeploy("sensors");
        engine.undeploy(local.id());
    }

    @Test
    void customerEventsSampleMapsQueueMessagesForAnalytics() throws Exception {
        assumeConnectors("map");
        Flow sample = sample("customer-events-to-kafka");
        // the Kafka side is covered by the Kafka connector tests; here a capture stands in for the topic
        Node kafka = sample.node("publish").orElseThrow();
        Flow local = sample.withNode(configured(sample, "customer-events", "brokerUrl", SharedArtemis.tcpUrl()))
                .withNode(new Node(
                        kafka.id(), "test.capture", kafka.name(), ConfigValue.object("sink", "analytics"), kafka.ui()));
        engine.deploy(local);
        engine.deploy(chain(
                "crm",
                node("in", "test.inject", "channel", "crm"),
                node("send", "jms.send", "brokerUrl", SharedArtemis.tcpUrl(), "destination", "customer.events")));

        InjectConnector.send(
                engine.camel(),
                "crm",
                "{\"customerId\": \"c-1042\", \"event\": \"SIGNED_UP\", \"email\": \"Ada@Example.com\"}");

        await().until(() -> CaptureConnector.events("analytics").size() == 1);
        Event event = CaptureConnector.events("analytics").get(0);
        assertThat(event.type()).isEqualTo("com.example.customer.activity");
        assertThat(event.data().path("customerId").asText()).isEqualTo("c-1042");
        assertThat(event.data().path("action").asText()).isEqualTo("signed_up");
        assertThat(event.data().path("plan").asText()).isEqualTo("free");
        assertThat(event.data().path("email").asText()).isEqualTo("ada@example.com");
        assertThat(event.data().path("sourceMessage").asText()).startsWith("ID:");
        engine.undeploy("crm");
        engine.undeploy(local.id());
    }

    private static Flow sample(String name) throws Exception {
        return FlowCodec.read(Files.readString(SAMPLES.resolve(name + ".flow.json"), StandardCharsets.UTF_8));
    }

    private static Node configured(Flow flow, String nodeId, String property, Object value) {
        Node node = flow.node(nodeId).orElseThrow();
        ConfigValue converted =
                value instanceof Integer i ? ConfigValue.of(i.longValue()) : ConfigValue.of(value.toString());
        return node.withConfig(node.config().with(property, converted));
    }

    /** The filter and map steps come from the logic connectors; without them the samples cannot run. */
    private static void assumeConnectors(String... ids) {
        ConnectorCatalog catalog = ConnectorCatalog.load();
        Assumptions.assumeTrue(
                Arrays.stream(ids).allMatch(id -> catalog.find(id).isPresent()),
                "needs the " + String.join(", ", ids) + " connector(s), built on another branch");
    }
}
