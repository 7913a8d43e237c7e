package dev.switchboard.designer.model;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Decides whether a wire may be drawn, and says why not in words a user understands. */
public final class WireRules {
    private final ConnectorCatalog catalog;

    public WireRules(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    /** Empty when the wire is fine; otherwise the reason it is refused. */
    public Optional<String> refusal(Flow flow, String from, String port, String to) {
        Optional<Node> source = flow.node(from);
        Optional<Node> target = flow.node(to);
        if (source.isEmpty() || target.isEmpty()) {
            return Optional.of("Both ends of a wire must be nodes of this flow");
        }
        if (from.equals(to)) {
            return Optional.of("A node cannot be wired to itself");
        }
        Optional<Connector> targetType = catalog.find(target.get().type());
        if (targetType.isPresent() && !targetType.get().spec().hasInput()) {
            return Optional.of(target.get().displayName() + " is a trigger: triggers start a flow and take no input");
        }
        if (!outputs(source.get()).contains(port)) {
            return Optional.of(source.get().displayName() + " has no output '" + port + "'");
        }
        if (flow.wires().stream().anyMatch(w -> w.connects(from, port, to))) {
            return Optional.of("These ports are already wired");
        }
        if (reaches(flow, to, from)) {
            return Optional.of("This wire would make a loop: events would circle forever");
        }
        return Optional.empty();
    }

    /** The output port names of a node, config-dependent for connectors with dynamic ports. */
    public List<String> outputs(Node node) {
        return catalog.find(node.type())
                .map(c -> c.outputs(new NodeConfig(node.config())).stream()
                        .map(PortSpec::name)
                        .toList())
                .orElse(List.of(PortSpec.OUT));
    }

    private static boolean reaches(Flow flow, String start, String goal) {
        Map<String, List<String>> next = new HashMap<>(); // indexed once: linear in wires however long the flow
        for (Wire w : flow.wires()) {
            next.computeIfAbsent(w.from(), k -> new ArrayList<>()).add(w.to());
        }
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(goal)) {
                return true;
            }
            if (seen.add(id)) {
                next.getOrDefault(id, List.of()).forEach(todo::push);
            }
        }
        return false;
    }
}
