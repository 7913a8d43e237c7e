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

    private static final String HELP = """
            Consumes messages from a queue or topic on an **ActiveMQ Artemis** broker (JMS over the
            Artemis CORE protocol) and starts the flow once per message.

            **Nothing is lost.** Each message is received in a JMS transaction that is committed only
            after the whole flow has finished the event. When a node fails (after the flow's retries),
            the transaction is rolled back and the broker redelivers the message; the broker's
            `max-delivery-attempts` and dead-letter address decide what happens to a message that
            keeps failing.

            **The event.** A message whose body is a CloudEvent in JSON (for example one sent by
            *JMS send* with body *cloudevent*) becomes that event unchanged. Other JSON becomes the
            event's `data`; any other text arrives as a string with content type `text/plain`.
            The event `id` is the JMS message id, `subject` is `queue/<name>` or `topic/<name>`.

            **Broker down?** The node shows a clear "cannot connect" line and keeps retrying every
            *Reconnect every*; it starts consuming as soon as the broker is reachable. Other flows are
            not affected.

            Try it locally with `./switchboard broker`, which serves JMS on `tcp://localhost:61616`.
            """;

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("jms.consume", ConnectorKind.TRIGGER)
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
                .help(HELP)
                .sampleEvent("""
                        {"customerId": "c-1042", "event": "signed_up", "plan": "pro"}""")
                .build();
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
