package dev.switchboard.connector.pubsub;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Destination;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Template;
import java.util.List;
import java.util.Optional;

/** {@code event.publish}: hands the event to every flow subscribed to a topic, then passes it on. */
public final class PublishConnector implements Connector {

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("event.publish", ConnectorKind.ACTION)
            .category("Actions")
            .title("Publish to topic")
            .description("Sends the event to every flow subscribed to a topic")
            .icon("radio")
            .outputs(PortSpec.out())
            .properties(PropertySpec.builder("topic", PropertyType.TEMPLATE)
                    .title("Topic")
                    .required()
                    .description("A topic name, or a template that picks one per event")
                    .placeholder("orders.{{data.region | lower}}")
                    .build())
            .helpResource(PublishConnector.class, "event.publish.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        String topic = config.string("topic", "");
        // a template that does not parse is the generic check's; a constant topic must be a valid name
        String problem =
                Template.problem(topic) == null && Template.parse(topic).isConstant() ? Topics.problem(topic) : null;
        return problem == null ? List.of() : List.of(new ConfigProblem("/topic", problem));
    }

    @Override
    public void compile(NodeContext node) {
        Template topic = Template.parse(node.config().requireString("topic"));
        String flowId = node.flowId();
        node.emit(
                node.route()
                        .process(exchange -> {
                            exchange.getIn()
                                    .setHeader(
                                            TopicComponent.TOPIC_HEADER,
                                            topic.render(exchange.getIn().getBody(Event.class)));
                            exchange.getIn().setHeader(TopicComponent.PUBLISHER_HEADER, flowId);
                        })
                        .to(TopicComponent.SCHEME + ":publish")
                        .removeHeaders("SbTopic*"),
                PortSpec.OUT);
    }

    @Override
    public Optional<Destination> destination(NodeConfig config) {
        return config.string("topic").map(topic -> Destination.topic("topic", topic));
    }
}
