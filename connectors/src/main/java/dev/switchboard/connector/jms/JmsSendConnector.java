package dev.switchboard.connector.jms;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Destination;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;
import java.util.Optional;

/** {@code jms.send}: sends each event to a JMS queue or topic (ActiveMQ Artemis). */
public final class JmsSendConnector implements Connector {

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("jms.send", ConnectorKind.ACTION)
            .category("Actions")
            .title("JMS send")
            .description("Send each event to a JMS queue or topic (ActiveMQ Artemis)")
            .icon("send")
            .outputs(PortSpec.out())
            .properties(
                    JmsProperties.brokerUrl(
                            JmsConsumeConnector.DEFAULT_URL, "Artemis acceptor URL, e.g. tcp://broker:61616"),
                    JmsProperties.username(),
                    JmsProperties.password(),
                    JmsProperties.destinationType(),
                    JmsProperties.destination(),
                    JmsProperties.body(),
                    JmsProperties.headers("JMS properties"),
                    JmsProperties.persistent())
            .helpResource(JmsSendConnector.class, "jms.send.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public void compile(NodeContext node) throws Exception {
        JmsRoutes.compileSender(node, JmsProtocol.ARTEMIS);
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        return JmsRoutes.validate(config);
    }

    @Override
    public Optional<Destination> destination(NodeConfig config) {
        return config.string(JmsProperties.DESTINATION).map(name -> Destination.topic("jms", name));
    }
}
