package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.model.Wire;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/** What is selected on the canvas: nodes by id, and wires. */
public final class SelectionModel {
    private final ObservableSet<String> nodes = FXCollections.observableSet(new LinkedHashSet<>());
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableSet<String> readOnlyNodes = FXCollections.unmodifiableObservableSet(nodes);
    private final ObservableSet<Wire> wires = FXCollections.observableSet(new LinkedHashSet<>());
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableSet<Wire> readOnlyWires = FXCollections.unmodifiableObservableSet(wires);

    public ObservableSet<String> nodes() {
        return readOnlyNodes;
    }

    public ObservableSet<Wire> wires() {
        return readOnlyWires;
    }

    /** Plain click: this node only. */
    public void select(String nodeId) {
        wires.clear();
        if (nodes.size() != 1 || !nodes.contains(nodeId)) {
            nodes.clear();
            nodes.add(nodeId);
        }
    }

    /** Shift-click: add or remove one node. */
    public void toggle(String nodeId) {
        if (!nodes.remove(nodeId)) {
            nodes.add(nodeId);
        }
    }

    public void selectWire(Wire wire, boolean extend) {
        if (!extend) {
            nodes.clear();
            wires.clear();
        }
        wires.add(wire);
    }

    /** Rubber band: these nodes, added to the selection when extending. */
    public void selectAll(Collection<String> nodeIds, boolean extend) {
        if (!extend) {
            nodes.clear();
            wires.clear();
        }
        nodes.addAll(nodeIds);
    }

    public void clear() {
        nodes.clear();
        wires.clear();
    }

    public boolean isEmpty() {
        return nodes.isEmpty() && wires.isEmpty();
    }

    public boolean isSelected(String nodeId) {
        return nodes.contains(nodeId);
    }

    /** The one selected node, when exactly one node (and nothing else) is selected. */
    public Optional<String> single() {
        return nodes.size() == 1 && wires.isEmpty()
                ? Optional.of(nodes.iterator().next())
                : Optional.empty();
    }

    /** Drops ids and wires that no longer exist (after undo, delete, open). */
    public void retain(Collection<String> nodeIds, Collection<Wire> existingWires) {
        nodes.retainAll(nodeIds);
        wires.retainAll(existingWires);
    }
}
