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
    private static final String HELP = """
            Consumes messages from an **AMQP 1.0** queue or topic and starts the flow once per
            message. Works with any AMQP 1.0 broker: ActiveMQ Artemis, Qpid, RabbitMQ 4 (AMQP 1.0),
            Azure Service Bus.

            Each message is received in a transaction committed only after the whole flow has
            finished the event; a failure rolls it back and the broker redelivers it.

            The event is built like *JMS consume*'s: a CloudEvent in JSON arrives unchanged, other
            JSON becomes `data`, other text a `text/plain` string. `subject` is `queue/<name>` or
            `topic/<name>`.

            The broker URL is a Qpid JMS URI: `amqp://host:5672`, `amqps://host:5671` for TLS, with
            options such as `?amqp.idleTimeout=30000`. While the broker is unreachable the node
            shows a clear "cannot connect" line and retries every *Reconnect every*.

            Try it locally with `./switchboard broker` (AMQP on `amqp://localhost:5672`).
            """;

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("amqp.consume", ConnectorKind.TRIGGER)
                .category("Triggers")
                .title("AMQP consume")
                .description("Receive messages from an AMQP 1.0 queue or topic, committed after the flow")
                .icon("inbox")
                .outputs(PortSpec.out())
                .properties(
                        JmsProperties.brokerUrl(AmqpProtocol.DEFAULT_URL, "AMQP 1.0 URI, e.g. amqp://broker:5672 or amqps://broker:5671"),
                        JmsProperties.username(),
                        JmsProperties.password(),
                        JmsProperties.destinationType(),
                        JmsProperties.destination(),
                        JmsProperties.selector(),
                        JmsProperties.concurrentConsumers(),
                        JmsProperties.reconnectInterval())
                .help(HELP)
                .sampleEvent("""
                        {"deviceId": "pump-7", "status": "running", "rpm": 1480}""")
                .build();
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
