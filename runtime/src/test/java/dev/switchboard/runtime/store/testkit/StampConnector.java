package dev.switchboard.runtime.store.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;

/**
 * Test-only step {@code test.stamp}: copies its {@code value} into {@code data.stamp}. The value
 * accepts secret references, so the masking tests can put a resolved secret into event data.
 */
public final class StampConnector implements Connector {
    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("test.stamp", ConnectorKind.STEP)
                .title("Stamp (tests)")
                .outputs(PortSpec.out())
                .properties(PropertySpec.builder("value", PropertyType.STRING)
                        .required()
                        .acceptsSecrets()
                        .build())
                .build();
    }

    @Override
    public void compile(NodeContext node) {
        String value = node.config().requireString("value");
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    ObjectNode data = event.data().deepCopy();
                    data.put("stamp", value);
                    exchange.getIn().setBody(event.withData(data));
                }),
                PortSpec.OUT);
    }
}
