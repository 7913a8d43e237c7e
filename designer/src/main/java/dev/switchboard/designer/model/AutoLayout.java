package dev.switchboard.designer.model;

import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Left-to-right layered layout: a node's column is the longest path from any source to it, and
 * nodes keep their vertical order inside a column. Linear in nodes and wires.
 */
public final class AutoLayout {
    public static final double ORIGIN = 60;
    public static final double COLUMN_GAP = 280;
    public static final double ROW_GAP = 140;

    private AutoLayout() {}

    public static Map<String, Position> layout(Flow flow) {
        Map<String, Integer> layer = layers(flow);
        Map<Integer, List<Node>> columns = new TreeMap<>();
        for (Node n : flow.nodes()) {
            columns.computeIfAbsent(layer.get(n.id()), k -> new ArrayList<>()).add(n);
        }
        Map<String, Position> result = new LinkedHashMap<>();
        columns.forEach((col, nodes) -> {
            nodes.sort(Comparator.comparingDouble((Node n) -> n.ui() == null ? 0 : n.ui().y()));
            for (int row = 0; row < nodes.size(); row++) {
                result.put(
                        nodes.get(row).id(),
                        Grid.snap(new Position(ORIGIN + col * COLUMN_GAP, ORIGIN + row * ROW_GAP)));
            }
        });
        return result;
    }

    /**
     * Each node's longest path from a source, by a depth-first walk over incoming wires with its
     * own stack (a chain of thousands of nodes must not overflow the UI thread's); a wire that
     * closes a cycle counts as coming from depth 0 (the validator reports the cycle).
     */
    private static Map<String, Integer> layers(Flow flow) {
        Set<String> ids = new HashSet<>();
        flow.nodes().forEach(n -> ids.add(n.id()));
        Map<String, List<String>> from = new HashMap<>();
        for (Wire w : flow.wires()) {
            if (ids.contains(w.from())) {
                from.computeIfAbsent(w.to(), k -> new ArrayList<>()).add(w.from());
            }
        }
        Map<String, Integer> memo = new HashMap<>();
        for (Node n : flow.nodes()) {
            if (!memo.containsKey(n.id())) {
                depth(n.id(), from, memo);
            }
        }
        return memo;
    }

    /** A node being measured: its predecessors, how many were looked at, the deepest so far. */
    private static final class Frame {
        final String id;
        final List<String> predecessors;
        int next;
        int depth;

        Frame(String id, List<String> predecessors) {
            this.id = id;
            this.predecessors = predecessors;
        }
    }

    private static void depth(String start, Map<String, List<String>> from, Map<String, Integer> memo) {
        Deque<Frame> stack = new ArrayDeque<>();
        Set<String> path = new HashSet<>();
        stack.push(new Frame(start, from.getOrDefault(start, List.of())));
        path.add(start);
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.next < frame.predecessors.size()) {
                String predecessor = frame.predecessors.get(frame.next++);
                Integer known = memo.get(predecessor);
                if (known != null) {
                    frame.depth = Math.max(frame.depth, known + 1);
                } else if (path.contains(predecessor)) {
                    frame.depth = Math.max(frame.depth, 1); // a cycle: its start counts as a source
                } else {
                    stack.push(new Frame(predecessor, from.getOrDefault(predecessor, List.of())));
                    path.add(predecessor);
                }
                continue;
            }
            stack.pop();
            path.remove(frame.id);
            memo.put(frame.id, frame.depth);
            Frame successor = stack.peek();
            if (successor != null) {
                successor.depth = Math.max(successor.depth, frame.depth + 1);
            }
        }
    }
}
