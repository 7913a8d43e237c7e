package dev.switchboard.connector.testkit;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.support.Json;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Test-only trigger {@code test.inject}: tests push data in with {@link #send}; the trigger wraps
 * it in a CloudEvent like a real trigger would.
 */
public final class InjectConnector implements Connector {

    public static String endpoint(String channel) {
        return "direct:test.inject." + channel;
    }

    /** Sends JSON data into every flow whose inject trigger listens on {@code channel}. */
    public static void send(CamelContext camel, String channel, String json) {
        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            producer.sendBody(endpoint(channel), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("test.inject", ConnectorKind.TRIGGER)
                .title("Inject (tests)")
                .properties(PropertySpec.builder("channel", PropertyType.STRING)
                        .required()
                        .build())
                .build();
    }

    @Override
    public void compile(NodeContext node) {
        String source = node.eventSource();
        node.emit(
                node.from(endpoint(node.config().requireString("channel")))
                        .process(exchange -> exchange.getIn()
                                .setBody(Event.create(
                                        source,
                                        "dev.switchboard.test.injected",
                                        Json.parse(exchange.getIn().getBody(String.class))))),
                PortSpec.OUT);
    }
}
