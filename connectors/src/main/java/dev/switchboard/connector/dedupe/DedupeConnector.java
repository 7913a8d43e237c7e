package dev.switchboard.connector.dedupe;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.DedupeStore;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.support.Template;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Step {@code dedupe}: drops an event whose key was already handled within the window. A key is
 * remembered (durably, in the runtime's store) once the event has come back from everything
 * wired after this node, so a delivery that failed before its side effect can be retried, and a
 * retried delivery after the side effect is dropped.
 */
public final class DedupeConnector implements Connector {
    public static final String DUPLICATE = "duplicate";
    private static final String IS_DUPLICATE = "sb.dedupe.duplicate";
    private static final String KEY = "sb.dedupe.key";
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("dedupe", ConnectorKind.STEP)
            .category("Logic")
            .title("Dedupe")
            .icon("copy")
            .description("Drops events whose key was already seen within a time window")
            .outputs(
                    PortSpec.of(PortSpec.OUT, "first", "Events whose key was not seen within the window"),
                    PortSpec.of(DUPLICATE, "duplicate", "Repeats; unwired, they are dropped (run status: filtered)"))
            .properties(
                    PropertySpec.builder("key", PropertyType.TEMPLATE)
                            .required()
                            .title("Key")
                            .placeholder("{{data.orderId}}")
                            .description("What makes two events the same, e.g. {{data.orderId}} or {{id}}")
                            .build(),
                    PropertySpec.builder("window", PropertyType.DURATION)
                            .title("Window")
                            .defaultValue("24h")
                            .description("How long a key is remembered")
                            .build())
            .helpResource(DedupeConnector.class, "dedupe.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public void compile(NodeContext node) {
        Template key = Template.parse(node.config().requireString("key"));
        Duration window = node.config().duration("window", DEFAULT_WINDOW);
        DedupeStore store = node.service(DedupeStore.class);
        String scope = node.flowId() + "/" + node.nodeId();
        Set<String> inFlight = ConcurrentHashMap.newKeySet();

        RouteDefinition route = node.route();
        route.process(exchange -> {
            String k = key.render(exchange.getIn().getBody(Event.class));
            // a repeat arriving while the first is still on its way is a repeat too
            boolean duplicate = store.seen(scope, k) || !inFlight.add(k);
            exchange.setProperty(IS_DUPLICATE, duplicate);
            if (!duplicate) {
                exchange.setProperty(KEY, k);
                exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                    @Override
                    public void onDone(Exchange done) {
                        inFlight.remove(k);
                    }
                });
            }
        });
        ProcessorDefinition<?> first =
                node.emit(route.filter(e -> !e.getProperty(IS_DUPLICATE, Boolean.class)), PortSpec.OUT);
        first.process(exchange -> store.remember(scope, exchange.getProperty(KEY, String.class), window))
                .end();
        node.emit(route.filter(e -> e.getProperty(IS_DUPLICATE, Boolean.class)), DUPLICATE);
    }
}
