package dev.switchboard.connector.delay;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Duration;
import java.util.List;

/**
 * {@code delay}: holds each event for a fixed time before it goes on, on Camel's Delay EIP with
 * asynchronous delays: a waiting event is a scheduled task, not a parked thread.
 */
public final class DelayConnector implements Connector {
    static final String DURATION = "duration";
    /** Longer waits belong in a schedule: a delayed event is held in memory while it waits. */
    static final Duration LONGEST = Duration.ofHours(1);

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("delay", ConnectorKind.STEP)
            .category("Logic")
            .title("Delay")
            .description("Holds each event for a fixed time before it goes on")
            .icon("watch")
            .outputs(PortSpec.out())
            .properties(PropertySpec.builder(DURATION, PropertyType.DURATION)
                    .title("Duration")
                    .required()
                    .description("How long each event waits, e.g. 2s or 500ms")
                    .placeholder("2s")
                    .build())
            .helpResource(DelayConnector.class, "delay.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        return config.duration(DURATION)
                .filter(d -> d.compareTo(LONGEST) > 0)
                .map(d -> List.of(new ConfigProblem(
                        "/" + DURATION,
                        "duration is " + d
                                + "; at most 1h: a waiting event is held in memory, use a schedule for longer")))
                .orElse(List.of());
    }

    @Override
    public void compile(NodeContext node) {
        long millis = node.config().duration(DURATION).orElseThrow().toMillis();
        node.emit(node.route().delay(millis).asyncDelayed(), PortSpec.OUT);
    }
}
