package dev.switchboard.designer.model;

import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nodes and the wires among them: what copy puts on the clipboard and paste/duplicate put back. */
public record FlowFragment(List<Node> nodes, List<Wire> wires) {
    public static final double PASTE_OFFSET = 40;

    public FlowFragment {
        nodes = List.copyOf(nodes);
        wires = List.copyOf(wires);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The selected nodes of a flow, with only the wires that run between them. */
    public static FlowFragment of(Flow flow, Collection<String> nodeIds) {
        Set<String> ids = new HashSet<>(nodeIds);
        return new FlowFragment(
                flow.nodes().stream().filter(n -> ids.contains(n.id())).toList(),
                flow.wires().stream()
                        .filter(w -> ids.contains(w.from()) && ids.contains(w.to()))
                        .toList());
    }

    /** A copy ready to add to {@code target}: fresh ids, wires re-pointed, moved down-right. */
    public FlowFragment withFreshIds(Flow target) {
        Set<String> taken = new HashSet<>();
        target.nodes().forEach(n -> taken.add(n.id()));
        Map<String, String> renamed = new HashMap<>();
        List<Node> copies = new ArrayList<>();
        for (Node n : nodes) {
            String id = taken.contains(n.id()) ? NodeIds.fresh(n.id(), taken) : n.id();
            taken.add(id);
            renamed.put(n.id(), id);
            Position p = n.ui() == null ? new Position(0, 0) : n.ui();
            copies.add(n.withId(id).withPosition(p.translate(PASTE_OFFSET, PASTE_OFFSET)));
        }
        List<Wire> rewired = wires.stream()
                .map(w -> new Wire(renamed.get(w.from()), w.port(), renamed.get(w.to())))
                .toList();
        return new FlowFragment(copies, rewired);
    }
}
