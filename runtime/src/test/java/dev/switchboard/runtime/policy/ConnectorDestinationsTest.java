package dev.switchboard.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.Destination;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.format.FlowCodec;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which built-in actions the routing policies govern, read from each one's worked example. */
class ConnectorDestinationsTest {
    @Test
    void everySendingActionDeclaresWhereItSends() throws Exception {
        Map<String, String> declared = new TreeMap<>();
        for (Connector connector : ConnectorCatalog.load().all()) {
            if (connector.spec().kind() != ConnectorKind.ACTION
                    || connector.spec().id().startsWith("test.")) {
                continue;
            }
            NodeConfig example = new NodeConfig((ConfigValue.Fields)
                    FlowCodec.toConfigValue(FlowCodec.parseTree(connector.spec().example())));
            declared.put(
                    connector.spec().id(),
                    connector
                            .destination(example)
                            .map(ConnectorDestinationsTest::shown)
                            .orElse("-"));
        }

        assertThat(declared)
                .containsEntry("http.request", "URL")
                .containsEntry("kafka.produce", "TOPIC kafka")
                .containsEntry("event.publish", "TOPIC topic")
                .containsEntry("jms.send", "TOPIC jms")
                .containsEntry("amqp.send", "TOPIC amqp")
                .containsEntry("mqtt.publish", "TOPIC mqtt")
                .containsEntry("slack.post", "URL")
                .containsEntry("github.issue", "URL")
                .containsEntry("github.comment", "URL")
                .containsEntry("hubspot.contact", "URL")
                // not governed (yet): they send to no host or topic a rule names
                .containsEntry("log", "-")
                .containsEntry("file.write", "-")
                .containsEntry("email.send", "-")
                .containsEntry("sql.insert", "-");
    }

    private static String shown(Destination d) {
        return d.kind() == Destination.Kind.URL ? "URL" : "TOPIC " + d.scheme();
    }
}
