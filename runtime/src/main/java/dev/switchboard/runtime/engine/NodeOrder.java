package dev.switchboard.runtime.engine;

import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A flow's nodes in wiring order: every node before the nodes its wires lead to. */
final class NodeOrder {
    private NodeOrder() {}

    /**
     * Kahn's algorithm over the wires, ties in the file's order. A deployed flow has no loops (the
     * validator refuses them); should one slip through, its nodes come last, in the file's order.
     */
    static List<String> upstreamFirst(Flow flow) {
        Map<String, Integer> incoming = new HashMap<>();
        Map<String, List<String>> next = new HashMap<>();
        for (Node node : flow.nodes()) {
            incoming.put(node.id(), 0);
        }
        for (Wire wire : flow.wires()) {
            if (incoming.containsKey(wire.to())) {
                incoming.merge(wire.to(), 1, Integer::sum);
                next.computeIfAbsent(wire.from(), id -> new ArrayList<>()).add(wire.to());
            }
        }
        Deque<String> ready = new ArrayDeque<>();
        for (Node node : flow.nodes()) {
            if (incoming.get(node.id()) == 0) {
                ready.add(node.id());
            }
        }
        Set<String> placed = new LinkedHashSet<>();
        while (!ready.isEmpty()) {
            String node = ready.poll();
            placed.add(node);
            for (String to : next.getOrDefault(node, List.of())) {
                if (incoming.merge(to, -1, Integer::sum) == 0) {
                    ready.add(to);
                }
            }
        }
        for (Node node : flow.nodes()) {
            placed.add(node.id());
        }
        return List.copyOf(placed);
    }
}
