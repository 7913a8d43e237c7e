package dev.switchboard.connector.pubsub;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;

/** {@code event.subscribe}: starts a flow with every event another flow publishes to a topic. */
public final class SubscribeConnector implements Connector {

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("event.subscribe", ConnectorKind.TRIGGER)
            .category("Triggers")
            .title("Subscribe to topic")
            .description("Receives the events other flows publish to a topic")
            .icon("rss")
            .outputs(PortSpec.out())
            .properties(PropertySpec.builder("topic", PropertyType.STRING)
                    .title("Topic")
                    .required()
                    .description("The exact topic name publishers use")
                    .placeholder("orders.created")
                    .build())
            .helpResource(SubscribeConnector.class, "event.subscribe.md")
            // what a publisher's event on orders.created (the help's example) typically carries
            .sampleEvent("""
                    {"orderId": "A-1001", "total": 129.5, "currency": "EUR", "customer": {"email": "ada@example.com"}}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        String problem = Topics.problem(config.string("topic", ""));
        return problem == null ? List.of() : List.of(new ConfigProblem("/topic", problem));
    }

    @Override
    public void compile(NodeContext node) {
        node.emit(node.from(TopicComponent.SCHEME + ":" + node.config().requireString("topic")), PortSpec.OUT);
    }
}
