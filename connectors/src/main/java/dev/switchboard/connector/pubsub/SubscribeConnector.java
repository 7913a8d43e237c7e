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
            .properties(PropertySpec.builder("topic", PropertyType.STRING).title("Topic").required()
                    .description("The exact topic name publishers use")
                    .placeholder("orders.created").build())
            .help("""
                    Starts this flow with each event an **event.publish** node in any flow of the same runtime
                    sends to the topic. Publishers do not know their subscribers: deploy this flow and it
                    receives the next event published; stop it and its deliveries stop.

                    The event arrives unchanged with its id (so lineage continues across flows) and three extra
                    attributes: `sbtopic` (the topic), `sbpublisher` (the publishing flow) and `sbhops` (how many
                    topics it has passed). Delivery is in-process and synchronous — see **event.publish**.
                    Events published while no subscriber runs (also during a redeploy of this flow) are not kept.

                    ```json
                    { "topic": "orders.created" }
                    ```
                    """)
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
