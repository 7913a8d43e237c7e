package dev.switchboard.connector.testkit;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only action {@code test.capture}: records every event it receives under its
 * {@code sink} name, like a Node-RED test helper node. Tests read {@link #events(String)}.
 * With {@code fail: true} it throws instead, for error-path tests.
 */
public final class CaptureConnector implements Connector {
    private static final Map<String, List<Event>> SINKS = new ConcurrentHashMap<>();

    public static List<Event> events(String sink) {
        return SINKS.computeIfAbsent(sink, k -> new CopyOnWriteArrayList<>());
    }

    public static void clear(String sink) {
        events(sink).clear();
    }

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("test.capture", ConnectorKind.ACTION)
                .title("Capture (tests)")
                .description("Records events for assertions")
                .outputs(PortSpec.out())
                .properties(
                        PropertySpec.builder("sink", PropertyType.STRING)
                                .required()
                                .build(),
                        PropertySpec.builder("fail", PropertyType.BOOLEAN).build())
                .build();
    }

    @Override
    public void compile(NodeContext node) {
        String sink = node.config().requireString("sink");
        boolean fail = node.config().bool("fail", false);
        node.emit(
                node.route().process(exchange -> {
                    if (fail) {
                        throw new IllegalStateException("capture " + sink + " told to fail");
                    }
                    events(sink).add(exchange.getIn().getBody(Event.class));
                }),
                PortSpec.OUT);
    }
}
