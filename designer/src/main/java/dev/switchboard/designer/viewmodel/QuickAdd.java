package dev.switchboard.designer.viewmodel;

import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.designer.edit.CompoundJob;
import dev.switchboard.designer.edit.Job;
import dev.switchboard.designer.edit.NodeJobs;
import dev.switchboard.designer.model.NewNodes;
import dev.switchboard.designer.model.Placement;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Building a flow left to right without dragging: each new node lands right of the one it
 * follows and is wired from it in the same undo step.
 */
public final class QuickAdd {
    private final DesignerViewModel vm;

    QuickAdd(DesignerViewModel vm) {
        this.vm = vm;
    }

    /**
     * Adds a node from the palette (double-click, Enter in its search): after the selected node
     * and wired from its first output when one node is selected, else right of the rightmost one.
     */
    public String addFromPalette(String type) {
        Optional<String> port = selectedSourcePort();
        return port.isPresent()
                ? addWired(type, vm.selection().nodes().iterator().next(), port.get())
                : vm.addNodeAtFreeSpot(type);
    }

    /**
     * Quick add: a node of {@code type} right of {@code fromId}, wired from its {@code port}, as
     * one undoable step. Without a source (or when the wire would be refused) it is only added.
     */
    public String addWired(String type, String fromId, String port) {
        Optional<Node> source = fromId == null ? Optional.empty() : vm.flow().node(fromId);
        if (source.isEmpty()) {
            return vm.addNodeAtFreeSpot(type);
        }
        ConnectorSpec spec = vm.specOrThrow(type);
        List<String> ports = outputPorts(source.get());
        Node node = NewNodes.create(
                spec, vm.flow(), Placement.rightOf(vm.flow(), source.get(), Math.max(0, ports.indexOf(port))));
        Flow after = vm.flow().withNodes(append(vm.flow().nodes(), node));
        Optional<String> refusal = vm.wireRules().refusal(after, fromId, port, node.id());
        List<Job> steps = new ArrayList<>(List.of(new NodeJobs.AddNode(vm, node)));
        refusal.ifPresentOrElse(
                r -> vm.statusProperty().set("Added " + spec.title() + " as '" + node.id() + "', not wired: " + r),
                () -> {
                    steps.add(new NodeJobs.AddWire(vm, Wire.of(fromId, port, node.id())));
                    vm.statusProperty().set("Added " + spec.title() + " as '" + node.id() + "' after " + fromId);
                });
        vm.execute(new CompoundJob("Add " + spec.title(), steps));
        vm.selection().select(node.id());
        vm.palette().used(type);
        return node.id();
    }

    /** The first output port of the only selected node, for adding after it; empty otherwise. */
    public Optional<String> selectedSourcePort() {
        if (vm.selection().nodes().size() != 1) {
            return Optional.empty();
        }
        return vm.flow()
                .node(vm.selection().nodes().iterator().next())
                .flatMap(n -> outputPorts(n).stream().findFirst());
    }

    /** The output port names of a node as its connector declares them for its config. */
    public List<String> outputPorts(Node node) {
        return vm.catalog()
                .find(node.type())
                .map(c -> c.outputs(new NodeConfig(node.config())).stream()
                        .map(PortSpec::name)
                        .toList())
                .orElse(List.of("out"));
    }

    /** Removes every wire into and out of a node, as one step. */
    public void disconnect(String nodeId) {
        List<Job> steps = vm.flow().wires().stream()
                .filter(w -> w.from().equals(nodeId) || w.to().equals(nodeId))
                .map(w -> (Job) new NodeJobs.RemoveWire(vm, w))
                .toList();
        if (!steps.isEmpty()) {
            vm.execute(new CompoundJob("Disconnect " + nodeId, steps));
            vm.statusProperty().set("Removed " + DesignerViewModel.count(steps.size(), "wire") + " of " + nodeId);
        }
    }

    private static List<Node> append(List<Node> nodes, Node node) {
        List<Node> all = new ArrayList<>(nodes);
        all.add(node);
        return all;
    }
}
