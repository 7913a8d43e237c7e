package dev.switchboard.connector.jms;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;

/** {@code jms.send}: sends each event to a JMS queue or topic (ActiveMQ Artemis). */
public final class JmsSendConnector implements Connector {
    private static final String HELP = """
            Sends each event as a JMS text message to a queue or topic on an **ActiveMQ Artemis**
            broker, then hands the unchanged event on through `out`.

            * **Message body** `data` sends the event's data as JSON; `cloudevent` sends the whole
              CloudEvent, so a *JMS consume* node elsewhere receives the same id, source and type.
            * **JMS properties** are templates: `region` = `{{data.address.country | upper}}` lets
              consumers filter with a selector such as `region = 'DE'`.

            A send that fails (broker unreachable, destination refused) fails the event, so the
            flow's retry policy and dead letters apply. The connection is opened on the first
            message and kept open.
            """;

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("jms.send", ConnectorKind.ACTION)
                .category("Actions")
                .title("JMS send")
                .description("Send each event to a JMS queue or topic (ActiveMQ Artemis)")
                .icon("send")
                .outputs(PortSpec.out())
                .properties(
                        JmsProperties.brokerUrl(JmsConsumeConnector.DEFAULT_URL, "Artemis acceptor URL, e.g. tcp://broker:61616"),
                        JmsProperties.username(),
                        JmsProperties.password(),
                        JmsProperties.destinationType(),
                        JmsProperties.destination(),
                        JmsProperties.body(),
                        JmsProperties.headers("JMS properties"),
                        JmsProperties.persistent())
                .help(HELP)
                .build();
    }

    @Override
    public void compile(NodeContext node) throws Exception {
        JmsRoutes.compileSender(node, JmsProtocol.ARTEMIS);
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        return JmsRoutes.validate(config);
    }
}
