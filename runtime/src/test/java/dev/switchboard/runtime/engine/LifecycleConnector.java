package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.NodeStatus;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only step {@code test.lifecycle}: registers two {@code onStop} cleanups (and a failing one
 * between them when asked) that write to a journal named by {@code journal}, and while its route
 * runs reports {@code status} as UP through its node's status — what a broker connector does.
 */
public final class LifecycleConnector implements Connector {
    private static final Map<String, List<String>> JOURNALS = new ConcurrentHashMap<>();

    /** What the cleanups of nodes with this journal did, in order. */
    public static List<String> journal(String name) {
        return JOURNALS.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>());
    }

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("test.lifecycle", ConnectorKind.STEP)
                .title("Lifecycle (tests)")
                .outputs(PortSpec.out())
                .properties(
                        PropertySpec.builder("journal", PropertyType.STRING)
                                .required()
                                .build(),
                        PropertySpec.builder("status", PropertyType.STRING).build(),
                        PropertySpec.builder("failingCleanup", PropertyType.BOOLEAN)
                                .defaultValue(false)
                                .build())
                .build();
    }

    @Override
    public void compile(NodeContext node) {
        List<String> journal = journal(node.config().requireString("journal"));
        node.onStop(() -> journal.add("first registered"));
        if (node.config().bool("failingCleanup", false)) {
            node.onStop(() -> {
                throw new IllegalStateException("cleanup broke");
            });
        }
        node.onStop(() -> journal.add("last registered"));
        node.config().string("status").ifPresent(message -> {
            NodeStatus status = node.status();
            node.repeatWhileRunning(() -> {
                status.up(message);
                return Duration.ofHours(1);
            });
        });
        node.emit(node.route(), PortSpec.OUT);
    }
}
