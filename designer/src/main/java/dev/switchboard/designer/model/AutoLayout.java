package dev.switchboard.designer.model;

import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Left-to-right layered layout: a node's column is the longest path from any source to it, and
 * nodes keep their vertical order inside a column. Plenty for flows of a few dozen nodes.
 */
public final class AutoLayout {
    public static final double ORIGIN = 60;
    public static final double COLUMN_GAP = 280;
    public static final double ROW_GAP = 140;

    private AutoLayout() {}

    public static Map<String, Position> layout(Flow flow) {
        Map<String, Integer> layer = new HashMap<>();
        for (Node n : flow.nodes()) {
            depth(flow, n.id(), layer, new java.util.HashSet<>());
        }
        Map<Integer, List<Node>> columns = new TreeMap<>();
        for (Node n : flow.nodes()) {
            columns.computeIfAbsent(layer.get(n.id()), k -> new ArrayList<>()).add(n);
        }
        Map<String, Position> result = new LinkedHashMap<>();
        columns.forEach((col, nodes) -> {
            nodes.sort(Comparator.comparingDouble((Node n) -> n.ui() == null ? 0 : n.ui().y()));
            for (int row = 0; row < nodes.size(); row++) {
                result.put(nodes.get(row).id(), Grid.snap(new Position(ORIGIN + col * COLUMN_GAP, ORIGIN + row * ROW_GAP)));
            }
        });
        return result;
    }

    private static int depth(Flow flow, String id, Map<String, Integer> memo, java.util.Set<String> path) {
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        if (!path.add(id)) {
            return 0; // a cycle (the validator reports it); do not recurse forever
        }
        int d = 0;
        for (Wire w : flow.wiresTo(id)) {
            if (flow.node(w.from()).isPresent()) {
                d = Math.max(d, depth(flow, w.from(), memo, path) + 1);
            }
        }
        path.remove(id);
        memo.put(id, d);
        return d;
    }
}
