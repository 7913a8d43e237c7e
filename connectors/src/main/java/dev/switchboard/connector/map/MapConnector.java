package dev.switchboard.connector.map;

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
import java.util.ArrayList;
import java.util.List;

/** {@code map}: builds new event data from field templates or one JSONata expression. */
public final class MapConnector implements Connector {

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("map", ConnectorKind.STEP)
            .category("Transform")
            .title("Map")
            .description("Builds new event data, one output field per template, or with a JSONata expression")
            .icon("shuffle")
            .outputs(PortSpec.out())
            .properties(
                    PropertySpec.builder("fields", PropertyType.KEY_VALUE)
                            .title("Fields")
                            .description("Output field (dots make nested objects) → template; or use jsonata instead")
                            .placeholder("customer.email = {{data.email | lower}}")
                            .build(),
                    PropertySpec.builder(Mapping.JSONATA, PropertyType.STRING)
                            .title("JSONata")
                            .description(
                                    "Instead of fields: a JSONata expression over the whole event (data.total, id, type); its result is the new data")
                            .placeholder("{ \"total\": $sum(data.items.(price * qty)) }")
                            .build(),
                    PropertySpec.builder("mode", PropertyType.ENUM)
                            .title("Mode")
                            .options("replace", "merge")
                            .defaultValue("replace")
                            .description(
                                    "replace: the data is only the fields (or the expression's result); merge: they are set on a copy of the existing data")
                            .build(),
                    PropertySpec.builder("type", PropertyType.STRING)
                            .title("Event type")
                            .description("A new CloudEvents type for the event; empty keeps the current one")
                            .placeholder("com.example.customer.updated")
                            .build())
            .helpResource(MapConnector.class, "map.md")
            .sampleEvent(
                    "{\"email\": \"Ada@Example.com\", \"first\": \"Ada\", \"last\": \"Lovelace\", \"amount\": \"42.50\"}")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Mapping.read(config, problems);
        return problems;
    }

    @Override
    public void compile(NodeContext node) {
        Mapping mapping = Mapping.read(node.config(), new ArrayList<>()); // the compiler checked the config
        node.emit(
                node.route()
                        .process(exchange -> exchange.getIn()
                                .setBody(mapping.apply(exchange.getIn().getBody(Event.class)))),
                PortSpec.OUT);
    }
}
