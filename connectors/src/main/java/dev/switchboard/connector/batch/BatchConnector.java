package dev.switchboard.connector.batch;

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
import dev.switchboard.connector.support.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.model.AggregateDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.builder.ExpressionBuilder;

/**
 * {@code batch}: gathers events into one, by count and/or time window and per key, on Camel's
 * Aggregate EIP. Each event that arrives ends its run here; the batch it joins is a new event
 * whose run begins at this node ({@link NodeContext#beginRun}).
 */
public final class BatchConnector implements Connector {
    static final String SIZE = "size";
    static final String WINDOW = "window";
    static final String KEY = "key";
    /** The largest batch by count: its events are held in memory until it closes. */
    static final long MAX_SIZE = 100_000;

    private static final Duration SHORTEST_WINDOW = Duration.ofMillis(10);

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("batch", ConnectorKind.STEP)
            .category("Transform")
            .title("Batch")
            .description("Gathers events into one, by count and/or time window, per key")
            .icon("package")
            .outputs(PortSpec.of(
                    PortSpec.OUT, "out", "One event per batch: data.items, data.count, data.key, data.closedBy"))
            .properties(
                    PropertySpec.builder(SIZE, PropertyType.INTEGER)
                            .title("Size")
                            .description("A batch closes when it holds this many events")
                            .placeholder("100")
                            .build(),
                    PropertySpec.builder(WINDOW, PropertyType.DURATION)
                            .title("Window")
                            .description("Every window, each open batch closes, however many events it holds")
                            .placeholder("5s")
                            .build(),
                    PropertySpec.builder(KEY, PropertyType.TEMPLATE)
                            .title("Key")
                            .description("Events with the same key are batched together; empty: all in one batch")
                            .placeholder("{{data.customerId}}")
                            .build())
            .helpResource(BatchConnector.class, "batch.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    /** At least one way for a batch to close, and a size the memory can hold. */
    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!config.has(SIZE) && !config.has(WINDOW)) {
            problems.add(new ConfigProblem(
                    "/" + SIZE, "Give a size, a window or both, so a batch knows when to close, e.g. size 100"));
        }
        if (config.has(SIZE)) {
            long size = config.integer(SIZE, 0);
            if (size < 1 || size > MAX_SIZE) {
                problems.add(new ConfigProblem(
                        "/" + SIZE, "size is " + size + "; expected a whole number from 1 to " + MAX_SIZE));
            }
        }
        config.duration(WINDOW).ifPresent(window -> {
            if (window.compareTo(SHORTEST_WINDOW) < 0) {
                problems.add(new ConfigProblem(
                        "/" + WINDOW, "window is " + window.toMillis() + "ms; expected 10ms or more"));
            }
        });
        return problems;
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        long size = config.has(SIZE) ? config.integer(SIZE, 0) : 0;
        Duration window = config.duration(WINDOW).orElse(null);
        Template key = config.string(KEY)
                .filter(k -> !k.isBlank())
                .map(Template::parse)
                .orElse(null);
        String endedAt = node.nodeId() + ":batched";
        String source = node.eventSource();

        RouteDefinition route = node.route();
        route.process(exchange -> {
            // the event's run ends here, taken into a batch; the batch is a run of its own
            exchange.setProperty(FlowExchange.ENDED_AT, endedAt);
            exchange.setProperty(
                    BatchCollector.GROUP,
                    key == null ? null : key.render(exchange.getIn().getBody(Event.class)));
        });
        AggregateDefinition batches = route.aggregate(BatchCollector.GROUP_EXPRESSION, new BatchCollector(node.camel()))
                // an open batch closes as its route stops (undeploy, hot replace, engine stop) ...
                .forceCompletionOnStop()
                // ... and the stop waits until it went on
                .completeAllOnStop();
        if (size > 0) {
            batches.completionSize(ExpressionBuilder.constantExpression((int) size));
        }
        if (window != null) {
            batches.completionInterval(window.toMillis());
        }
        batches.process(exchange -> exchange.getIn().setBody(BatchCollector.toEvent(exchange, source)));
        node.emit(node.beginRun(batches), PortSpec.OUT);
        batches.end();
    }
}
