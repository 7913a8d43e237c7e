package dev.switchboard.connector.amqp;

import dev.switchboard.connector.jms.JmsProperties;
import dev.switchboard.connector.jms.JmsRoutes;
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

/** {@code amqp.send}: sends each event to an AMQP 1.0 queue or topic. */
public final class AmqpSendConnector implements Connector {

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("amqp.send", ConnectorKind.ACTION)
            .category("Actions")
            .title("AMQP send")
            .description("Send each event to an AMQP 1.0 queue or topic")
            .icon("send")
            .outputs(PortSpec.out())
            .properties(
                    JmsProperties.brokerUrl(
                            AmqpProtocol.DEFAULT_URL, "AMQP 1.0 URI, e.g. amqp://broker:5672 or amqps://broker:5671"),
                    JmsProperties.username(),
                    JmsProperties.password(),
                    JmsProperties.destinationType(),
                    JmsProperties.destination(),
                    JmsProperties.body(),
                    JmsProperties.headers("Application properties"),
                    JmsProperties.persistent())
            .helpResource(AmqpSendConnector.class, "amqp.send.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public void compile(NodeContext node) throws Exception {
        JmsRoutes.compileSender(node, AmqpProtocol.INSTANCE);
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        return JmsRoutes.validate(config);
    }

    @Override
    public Optional<Destination> destination(NodeConfig config) {
        return config.string(JmsProperties.DESTINATION).map(name -> Destination.topic("amqp", name));
    }
}
