package dev.switchboard.connector.pubsub;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Template;
import java.util.List;

/** {@code event.publish}: hands the event to every flow subscribed to a topic, then passes it on. */
public final class PublishConnector implements Connector {

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("event.publish", ConnectorKind.ACTION)
            .category("Actions")
            .title("Publish to topic")
            .description("Sends the event to every flow subscribed to a topic")
            .icon("radio")
            .outputs(PortSpec.out())
            .properties(PropertySpec.builder("topic", PropertyType.TEMPLATE).title("Topic").required()
                    .description("A topic name, or a template that picks one per event")
                    .placeholder("orders.{{data.region | lower}}").build())
            .help("""
                    Publishes the event to a topic inside this runtime; every flow that starts with
                    **event.subscribe** on that topic gets its own copy (same id, so lineage continues, plus the
                    attributes `sbtopic`, `sbpublisher` and `sbhops`). Then the event goes on through **out**.
                    Publishing to a topic nobody subscribes to is fine: the event is simply not delivered.

                    **Delivery is synchronous**: subscribers run one after the other on the publishing event's
                    thread, before this node passes the event on. That keeps each topic's events in publish order,
                    slows a fast publisher down to what its subscribers can take instead of piling events up in
                    memory, and means a subscriber has its copy before the publishing run is reported done.
                    A subscriber that fails is logged and gets its own FAILED run (error port or dead letter in
                    its own flow); it never fails the publisher or the other subscribers. Put slow work behind a
                    queueing trigger in the subscriber if the publisher must not wait.

                    ```json
                    { "topic": "orders.created" }
                    ```
                    A flow subscribed (directly or through others) to what it publishes is stopped after 8 hops.
                    """)
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        String topic = config.string("topic", "");
        String problem;
        try {
            problem = Template.parse(topic).isConstant() ? Topics.problem(topic) : null;
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        return problem == null ? List.of() : List.of(new ConfigProblem("/topic", problem));
    }

    @Override
    public void compile(NodeContext node) {
        Template topic = Template.parse(node.config().requireString("topic"));
        String flowId = node.flowId();
        node.emit(node.route()
                .process(exchange -> {
                    exchange.getIn().setHeader(TopicComponent.TOPIC_HEADER, topic.render(exchange.getIn().getBody(Event.class)));
                    exchange.getIn().setHeader(TopicComponent.PUBLISHER_HEADER, flowId);
                })
                .to(TopicComponent.SCHEME + ":publish")
                .removeHeaders("SbTopic*"), PortSpec.OUT);
    }
}
