package dev.switchboard.runtime.model;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A flow: a directed graph of nodes joined by wires. Immutable; edits return a new flow.
 * Optional text fields are null when the file does not have them, so saving what was loaded
 * gives back the same bytes.
 *
 * @param format the file format tag, {@value FlowFormat#CURRENT} for this version
 * @param settings flow-wide settings (retry, dead letters); empty when absent
 */
public record Flow(
        String format,
        String id,
        String name,
        String description,
        List<String> tags,
        List<Node> nodes,
        List<Wire> wires,
        ConfigValue.Fields settings) {

    public Flow {
        tags = tags == null ? null : List.copyOf(tags);
        nodes = List.copyOf(nodes == null ? List.of() : nodes);
        wires = List.copyOf(wires == null ? List.of() : wires);
        settings = settings == null ? ConfigValue.Fields.EMPTY : settings;
    }

    /** A new empty flow in the current format. */
    public static Flow empty(String id, String name) {
        return new Flow(FlowFormat.CURRENT, id, name, null, null, List.of(), List.of(), ConfigValue.Fields.EMPTY);
    }

    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }

    public Optional<Node> node(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
    }

    public List<Wire> wiresFrom(String nodeId) {
        return wires.stream().filter(w -> w.from().equals(nodeId)).toList();
    }

    public List<Wire> wiresFrom(String nodeId, String port) {
        return wires.stream()
                .filter(w -> w.from().equals(nodeId) && w.effectivePort().equals(port))
                .toList();
    }

    /** The wires events pass along: those that neither start nor end at a {@linkplain Node#disabled() disabled} node. */
    public List<Wire> carryingWires() {
        Set<String> disabled = new HashSet<>();
        nodes.stream().filter(Node::disabled).forEach(n -> disabled.add(n.id()));
        if (disabled.isEmpty()) {
            return wires;
        }
        return wires.stream()
                .filter(w -> !disabled.contains(w.from()) && !disabled.contains(w.to()))
                .toList();
    }

    public List<Wire> wiresTo(String nodeId) {
        return wires.stream().filter(w -> w.to().equals(nodeId)).toList();
    }

    public Flow withNodes(List<Node> newNodes) {
        return new Flow(format, id, name, description, tags, newNodes, wires, settings);
    }

    public Flow withWires(List<Wire> newWires) {
        return new Flow(format, id, name, description, tags, nodes, newWires, settings);
    }

    public Flow withNode(Node replacement) {
        return withNodes(nodes.stream()
                .map(n -> n.id().equals(replacement.id()) ? replacement : n)
                .toList());
    }

    public Flow withIdentity(String newId, String newName, String newDescription) {
        return new Flow(format, Objects.requireNonNull(newId), newName, newDescription, tags, nodes, wires, settings);
    }

    public Flow withTags(List<String> newTags) {
        return new Flow(format, id, name, description, newTags, nodes, wires, settings);
    }

    public Flow withSettings(ConfigValue.Fields newSettings) {
        return new Flow(format, id, name, description, tags, nodes, wires, newSettings);
    }
}
