package dev.switchboard.connector.amqp;

import dev.switchboard.connector.jms.JmsProperties;
import dev.switchboard.connector.jms.JmsRoutes;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;

/** {@code amqp.consume}: a transacted AMQP 1.0 consumer (Artemis, Qpid, RabbitMQ 4, Azure Service Bus …). */
public final class AmqpConsumeConnector implements Connector {

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("amqp.consume", ConnectorKind.TRIGGER)
            .category("Triggers")
            .title("AMQP consume")
            .description("Receive messages from an AMQP 1.0 queue or topic, committed after the flow")
            .icon("inbox")
            .outputs(PortSpec.out())
            .properties(
                    JmsProperties.brokerUrl(
                            AmqpProtocol.DEFAULT_URL, "AMQP 1.0 URI, e.g. amqp://broker:5672 or amqps://broker:5671"),
                    JmsProperties.username(),
                    JmsProperties.password(),
                    JmsProperties.destinationType(),
                    JmsProperties.destination(),
                    JmsProperties.selector(),
                    JmsProperties.concurrentConsumers(),
                    JmsProperties.reconnectInterval())
            .helpResource(AmqpConsumeConnector.class, "amqp.consume.md")
            .sampleEvent("""
                    {"deviceId": "pump-7", "status": "running", "rpm": 1480}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public void compile(NodeContext node) throws Exception {
        JmsRoutes.compileConsumer(node, AmqpProtocol.INSTANCE);
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        return JmsRoutes.validate(config);
    }
}
