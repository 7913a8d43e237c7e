package dev.switchboard.designer.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.contract.SchemaRegistryException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Template field suggestions for a node: the paths of the sample event of every trigger upstream,
 * as {@code {{data.customer.name}}}, plus the CloudEvents envelope fields.
 */
public final class FieldSuggestions {
    static final List<String> ENVELOPE = List.of("id", "type", "source", "subject", "time");
    private static final int MAX_DEPTH = 6;

    private final ConnectorCatalog catalog;

    public FieldSuggestions(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    public List<String> forNode(Flow flow, String nodeId) {
        return forNode(flow, nodeId, null);
    }

    /**
     * As {@link #forNode(Flow, String)}, plus the property paths of the contract of each trigger
     * upstream bound to one in {@code schemas} (null: none known).
     */
    public List<String> forNode(Flow flow, String nodeId, SchemaRegistry schemas) {
        Set<String> paths = new LinkedHashSet<>();
        for (Node trigger : upstreamTriggers(flow, nodeId)) {
            contractPaths(trigger, schemas).forEach(p -> paths.add("data." + p));
            catalog.find(trigger.type())
                    .map(c -> c.spec().sampleEvent())
                    .filter(s -> !s.isBlank())
                    .ifPresent(sample -> collect(parse(sample), "data", paths, 0));
        }
        if (paths.isEmpty()) {
            return List.of();
        }
        ENVELOPE.forEach(paths::add);
        return paths.stream().map(p -> "{{" + p + "}}").toList();
    }

    private List<Node> upstreamTriggers(Flow flow, String nodeId) {
        Map<String, Node> byId = new HashMap<>(); // indexed once: linear in nodes and wires however long the flow
        flow.nodes().forEach(n -> byId.putIfAbsent(n.id(), n));
        Map<String, List<String>> previous = new HashMap<>();
        for (Wire w : flow.wires()) {
            previous.computeIfAbsent(w.to(), k -> new java.util.ArrayList<>()).add(w.from());
        }
        Deque<String> todo = new ArrayDeque<>(List.of(nodeId));
        Set<String> seen = new HashSet<>();
        List<Node> triggers = new java.util.ArrayList<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            java.util.Optional.ofNullable(byId.get(id)).ifPresent(n -> {
                boolean trigger = catalog.find(n.type())
                        .map(Connector::spec)
                        .map(s -> s.kind() == ConnectorKind.TRIGGER)
                        .orElse(false);
                if (trigger) {
                    triggers.add(n);
                }
            });
            previous.getOrDefault(id, List.of()).forEach(todo::push);
        }
        return triggers;
    }

    private static List<String> contractPaths(Node trigger, SchemaRegistry schemas) {
        if (trigger.contract() == null || schemas == null) {
            return List.of();
        }
        try {
            return schemas.find(trigger.contract().subject(), trigger.contract().version())
                    .map(found -> SchemaSample.paths(found.schema()))
                    .orElse(List.of());
        } catch (SchemaRegistryException e) {
            // the problems panel reports an unreadable schema; the sample's paths still help
            return List.of();
        }
    }

    private static JsonNode parse(String sample) {
        try {
            JsonNode tree = Json.MAPPER.readTree(sample);
            // a full CloudEvent as sample: suggest from its data
            return tree.has("data") && tree.has("specversion") ? tree.get("data") : tree;
        } catch (Exception e) {
            throw new IllegalStateException("A connector's sampleEvent is not JSON: " + e.getMessage(), e);
        }
    }

    private static void collect(JsonNode node, String path, Set<String> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path + "." + e.getKey();
                out.add(child);
                collect(e.getValue(), child, out, depth + 1);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String first = path + "[0]";
            out.add(first);
            collect(node.get(0), first, out, depth + 1);
        }
    }
}
