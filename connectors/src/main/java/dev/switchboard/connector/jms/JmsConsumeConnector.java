package dev.switchboard.connector.jms;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;

/** {@code jms.consume}: a transacted consumer of a JMS queue or topic (ActiveMQ Artemis). */
public final class JmsConsumeConnector implements Connector {
    static final String DEFAULT_URL = "tcp://localhost:61616";

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("jms.consume", ConnectorKind.TRIGGER)
            .category("Triggers")
            .title("JMS consume")
            .description("Receive messages from a JMS queue or topic (ActiveMQ Artemis), committed after the flow")
            .icon("inbox")
            .outputs(PortSpec.out())
            .properties(
                    JmsProperties.brokerUrl(DEFAULT_URL, "Artemis acceptor URL, e.g. tcp://broker:61616"),
                    JmsProperties.username(),
                    JmsProperties.password(),
                    JmsProperties.destinationType(),
                    JmsProperties.destination(),
                    JmsProperties.selector(),
                    JmsProperties.concurrentConsumers(),
                    JmsProperties.reconnectInterval())
            .helpResource(JmsConsumeConnector.class, "jms.consume.md")
            .sampleEvent("""
                    {"customerId": "c-1042", "event": "signed_up", "plan": "pro"}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public void compile(NodeContext node) throws Exception {
        JmsRoutes.compileConsumer(node, JmsProtocol.ARTEMIS);
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        return JmsRoutes.validate(config);
    }
}
