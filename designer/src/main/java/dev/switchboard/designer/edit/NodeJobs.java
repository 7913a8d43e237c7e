package dev.switchboard.designer.edit;

import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The elementary jobs on nodes and wires; larger edits are {@link CompoundJob}s of these. */
public final class NodeJobs {
    private NodeJobs() {}

    /** Adds a node at the end, or back at the index it was removed from. */
    public static final class AddNode implements Job {
        private final FlowHolder holder;
        private final Node node;
        private final int index;

        public AddNode(FlowHolder holder, Node node) {
            this(holder, node, -1);
        }

        AddNode(FlowHolder holder, Node node, int index) {
            this.holder = holder;
            this.node = node;
            this.index = index;
        }

        @Override
        public void execute() {
            List<Node> nodes = new ArrayList<>(holder.flow().nodes());
            nodes.add(index < 0 || index > nodes.size() ? nodes.size() : index, node);
            holder.setFlow(holder.flow().withNodes(nodes));
        }

        @Override
        public void undo() {
            holder.setFlow(holder.flow()
                    .withNodes(holder.flow().nodes().stream()
                            .filter(n -> !n.id().equals(node.id()))
                            .toList()));
        }

        @Override
        public String description() {
            return "Add " + node.displayName();
        }
    }

    /** Removes a node (only the node: wires are removed by their own jobs first). */
    public static final class RemoveNode implements Job {
        private final FlowHolder holder;
        private final String nodeId;
        private AddNode inverse;

        public RemoveNode(FlowHolder holder, String nodeId) {
            this.holder = holder;
            this.nodeId = nodeId;
        }

        @Override
        public void execute() {
            List<Node> nodes = holder.flow().nodes();
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i).id().equals(nodeId)) {
                    inverse = new AddNode(holder, nodes.get(i), i);
                    break;
                }
            }
            Objects.requireNonNull(inverse, () -> "no node " + nodeId);
            inverse.undo();
        }

        @Override
        public void undo() {
            inverse.execute();
        }

        @Override
        public String description() {
            return "Delete " + nodeId;
        }
    }

    public static final class AddWire implements Job {
        private final FlowHolder holder;
        private final Wire wire;
        private final int index;

        public AddWire(FlowHolder holder, Wire wire) {
            this(holder, wire, -1);
        }

        AddWire(FlowHolder holder, Wire wire, int index) {
            this.holder = holder;
            this.wire = wire;
            this.index = index;
        }

        @Override
        public void execute() {
            List<Wire> wires = new ArrayList<>(holder.flow().wires());
            wires.add(index < 0 || index > wires.size() ? wires.size() : index, wire);
            holder.setFlow(holder.flow().withWires(wires));
        }

        @Override
        public void undo() {
            List<Wire> wires = new ArrayList<>(holder.flow().wires());
            wires.remove(wire);
            holder.setFlow(holder.flow().withWires(wires));
        }

        @Override
        public String description() {
            return "Connect " + wire.from() + " → " + wire.to();
        }
    }

    public static final class RemoveWire implements Job {
        private final FlowHolder holder;
        private final Wire wire;
        private AddWire inverse;

        public RemoveWire(FlowHolder holder, Wire wire) {
            this.holder = holder;
            this.wire = wire;
        }

        @Override
        public void execute() {
            int index = holder.flow().wires().indexOf(wire);
            if (index < 0) {
                throw new IllegalStateException("no wire " + wire);
            }
            inverse = new AddWire(holder, wire, index);
            inverse.undo();
        }

        @Override
        public void undo() {
            inverse.execute();
        }

        @Override
        public String description() {
            return "Disconnect " + wire.from() + " → " + wire.to();
        }
    }

    /** Moves nodes; one drag (or one auto-layout) is one job. */
    public static final class Move implements Job {
        private final FlowHolder holder;
        private final Map<String, Position> before;
        private final Map<String, Position> after;
        private final String description;

        public Move(FlowHolder holder, Map<String, Position> before, Map<String, Position> after, String description) {
            this.holder = holder;
            this.before = Map.copyOf(before);
            this.after = Map.copyOf(after);
            this.description = description;
        }

        @Override
        public void execute() {
            apply(after);
        }

        @Override
        public void undo() {
            apply(before);
        }

        private void apply(Map<String, Position> positions) {
            Flow flow = holder.flow();
            holder.setFlow(flow.withNodes(flow.nodes().stream()
                    .map(n -> positions.containsKey(n.id()) ? n.withPosition(positions.get(n.id())) : n)
                    .toList()));
        }

        @Override
        public String description() {
            return description;
        }
    }

    /**
     * Replaces one node with an edited copy (config, name). Consecutive edits with the same merge
     * key on the same node collapse into one step, so typing a URL is undone in one go.
     */
    public static final class UpdateNode implements Job {
        private final FlowHolder holder;
        private final Node before;
        private Node after;
        private final String mergeKey;
        private final String description;

        public UpdateNode(FlowHolder holder, Node before, Node after, String mergeKey, String description) {
            this.holder = holder;
            this.before = before;
            this.after = after;
            this.mergeKey = mergeKey;
            this.description = description;
        }

        @Override
        public void execute() {
            holder.setFlow(holder.flow().withNode(after));
        }

        @Override
        public void undo() {
            holder.setFlow(holder.flow().withNode(before));
        }

        @Override
        public boolean mergeWith(Job next) {
            if (next instanceof UpdateNode u
                    && mergeKey != null
                    && mergeKey.equals(u.mergeKey)
                    && u.before.id().equals(after.id())) {
                after = u.after;
                return true;
            }
            return false;
        }

        @Override
        public String description() {
            return description;
        }
    }

    /** Renames a node's id and re-points its wires. */
    public static final class ChangeNodeId implements Job {
        private final FlowHolder holder;
        private final String oldId;
        private final String newId;

        public ChangeNodeId(FlowHolder holder, String oldId, String newId) {
            this.holder = holder;
            this.oldId = oldId;
            this.newId = newId;
        }

        @Override
        public void execute() {
            holder.setFlow(rename(holder.flow(), oldId, newId));
        }

        @Override
        public void undo() {
            holder.setFlow(rename(holder.flow(), newId, oldId));
        }

        private static Flow rename(Flow flow, String from, String to) {
            return flow.withNodes(flow.nodes().stream()
                            .map(n -> n.id().equals(from) ? n.withId(to) : n)
                            .toList())
                    .withWires(flow.wires().stream()
                            .map(w -> new Wire(
                                    w.from().equals(from) ? to : w.from(), w.port(), w.to().equals(from) ? to : w.to()))
                            .toList());
        }

        @Override
        public String description() {
            return "Rename " + oldId + " to " + newId;
        }
    }

    /** Flow-level fields (id, name, description). */
    public static final class UpdateFlow implements Job {
        private final FlowHolder holder;
        private final Flow before;
        private Flow after;
        private final String mergeKey;

        public UpdateFlow(FlowHolder holder, Flow before, Flow after, String mergeKey) {
            this.holder = holder;
            this.before = before;
            this.after = after;
            this.mergeKey = mergeKey;
        }

        @Override
        public void execute() {
            holder.setFlow(after);
        }

        @Override
        public void undo() {
            holder.setFlow(before);
        }

        @Override
        public boolean mergeWith(Job next) {
            if (next instanceof UpdateFlow u && mergeKey.equals(u.mergeKey)) {
                after = u.after;
                return true;
            }
            return false;
        }

        @Override
        public String description() {
            return "Edit flow " + mergeKey;
        }
    }
}
