package dev.switchboard.runtime.metrics;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.NodeStatus;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test-only step {@code test.probe}: reports the connection {@code status} it is given (up, down,
 * connecting) while its route runs, as a broker connector does; with {@code hold} it holds every
 * event until {@link #release} opens that gate (at most a minute); with {@code fail} it fails
 * every event.
 */
public final class ProbeConnector implements Connector {
    private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    public static void release(String gate) {
        gate(gate).countDown();
    }

    private static CountDownLatch gate(String name) {
        return GATES.computeIfAbsent(name, k -> new CountDownLatch(1));
    }

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("test.probe", ConnectorKind.STEP)
                .title("Probe (tests)")
                .outputs(PortSpec.out())
                .properties(
                        PropertySpec.builder("status", PropertyType.STRING).build(),
                        PropertySpec.builder("hold", PropertyType.STRING).build(),
                        PropertySpec.builder("fail", PropertyType.BOOLEAN)
                                .defaultValue(false)
                                .build())
                .build();
    }

    @Override
    public void compile(NodeContext node) {
        node.config().string("status").ifPresent(state -> {
            NodeStatus status = node.status();
            node.repeatWhileRunning(() -> {
                switch (state) {
                    case "up" -> status.up("connected to the probe");
                    case "connecting" -> status.connecting("the probe");
                    default -> status.down("cannot connect to the probe; retrying every 1h");
                }
                return Duration.ofHours(1);
            });
        });
        String hold = node.config().string("hold").orElse(null);
        boolean fail = node.config().bool("fail", false);
        node.emit(
                node.route().process(exchange -> {
                    if (hold != null) {
                        gate(hold).await(1, TimeUnit.MINUTES);
                    }
                    if (fail) {
                        throw new IllegalStateException("the probe fails");
                    }
                }),
                PortSpec.OUT);
    }
}
