package dev.switchboard.connector.split;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FlowExchange;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.support.builder.ExpressionBuilder;

/**
 * {@code split}: one event per element of an array field, on Camel's Split EIP. The elements run
 * through the rest of the flow one after another, within the run of the event they came from.
 */
public final class SplitConnector implements Connector {
    static final String FIELD = "field";
    /** The events the split makes, between the step that makes them and Camel's split. */
    private static final String PARTS = "sb.split.parts";
    /** The event that was split: the exchange ends with it, not with the element Camel copies back. */
    private static final String SPLIT_EVENT = "sb.split.event";

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("split", ConnectorKind.STEP)
            .category("Transform")
            .title("Split")
            .description("Sends on one event per element of an array field")
            .icon("scissors")
            .outputs(PortSpec.of(PortSpec.OUT, "out", "One event per element, the element as its data"))
            .properties(PropertySpec.builder(FIELD, PropertyType.STRING)
                    .title("Array field")
                    .required()
                    .description("The array to split, e.g. data.items; each element becomes an event's data")
                    .placeholder("data.items")
                    .build())
            .helpResource(SplitConnector.class, "split.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        String field = config.string(FIELD, "");
        try {
            SplitParts.path(field);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(new ConfigProblem("/" + FIELD, e.getMessage()));
        }
    }

    @Override
    public void compile(NodeContext node) {
        SplitParts parts = new SplitParts(node.config().requireString(FIELD));
        String nodeId = node.nodeId();
        String endedEmpty = nodeId + ":empty";
        RouteDefinition route = node.route();
        route.process(exchange -> {
            Event event = exchange.getIn().getBody(Event.class);
            List<Event> events = parts.of(event);
            if (events.isEmpty()) {
                // nothing goes on: the run ends here, as a filter's run does
                exchange.setProperty(FlowExchange.FILTERED_BY, nodeId);
                exchange.setProperty(FlowExchange.ENDED_AT, endedEmpty);
            }
            exchange.setProperty(PARTS, events);
            exchange.setProperty(SPLIT_EVENT, event);
        });
        SplitDefinition split = route.split(ExpressionBuilder.exchangePropertyExpression(PARTS), new SplitOutcomes())
                .onPrepare(exchange -> {
                    exchange.removeProperty(PARTS);
                    exchange.removeProperty(SPLIT_EVENT);
                });
        node.emit(split, PortSpec.OUT);
        split.end();
        route.process(exchange -> {
            exchange.removeProperty(PARTS);
            Object event = exchange.removeProperty(SPLIT_EVENT);
            if (event != null) {
                exchange.getIn().setBody(event);
            }
        });
    }
}
