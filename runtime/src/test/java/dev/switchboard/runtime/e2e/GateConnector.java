package dev.switchboard.runtime.e2e;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only step {@code test.gate}: lets a set number of events through, then fails every further
 * one — a flow that "dies" part-way through a batch, without committing what it did not finish.
 */
public final class GateConnector implements Connector {
    private static final Map<String, AtomicInteger> ALLOWANCE = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> REJECTED = new ConcurrentHashMap<>();

    public static void allow(String gate, int events) {
        ALLOWANCE.computeIfAbsent(gate, k -> new AtomicInteger()).set(events);
        REJECTED.computeIfAbsent(gate, k -> new AtomicInteger()).set(0);
    }

    public static void open(String gate) {
        allow(gate, Integer.MAX_VALUE);
    }

    public static int rejected(String gate) {
        return REJECTED.computeIfAbsent(gate, k -> new AtomicInteger()).get();
    }

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("test.gate", ConnectorKind.STEP)
                .title("Gate (tests)")
                .properties(PropertySpec.builder("gate", PropertyType.STRING)
                        .required()
                        .build())
                .build();
    }

    @Override
    public void compile(NodeContext node) {
        String gate = node.config().requireString("gate");
        node.emit(
                node.route().process(exchange -> {
                    AtomicInteger left = ALLOWANCE.computeIfAbsent(gate, k -> new AtomicInteger(Integer.MAX_VALUE));
                    if (left.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) <= 0) {
                        REJECTED.computeIfAbsent(gate, k -> new AtomicInteger()).incrementAndGet();
                        throw new IllegalStateException("gate " + gate + " is closed: the flow stops here");
                    }
                }),
                PortSpec.OUT);
    }
}
