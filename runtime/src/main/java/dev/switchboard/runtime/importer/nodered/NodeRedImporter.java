package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.validate.FlowValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a Node-RED export into flows, one per tab: each node by its type's {@link NodeMapper};
 * what has no counterpart is placed as a disabled node keeping the original JSON, so the graph
 * stays readable and nothing is lost. Nodes on no tab (config nodes, subflow definitions) are
 * read where a mapper needs them, never placed.
 */
public final class NodeRedImporter {
    /** The placeholder's config key holding the Node-RED node as exported (credentials left out). */
    public static final String ORIGINAL = "nodered";
    /** The placeholder's config key saying why it could not be converted. */
    public static final String REASON = "reason";
    /** Placeholder types: {@code nodered.} and the Node-RED type. */
    public static final String PLACEHOLDER_PREFIX = "nodered.";

    private NodeRedImporter() {}

    public static ImportResult convert(NodeRedExport export) {
        ImportContext context = new ImportContext(export);
        List<ImportFinding> findings = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, List<NodeRedNode>> byTab = new LinkedHashMap<>();
        Map<String, NodeRedNode> tabs = new LinkedHashMap<>();
        export.ofType("tab").forEach(tab -> {
            tabs.put(tab.id(), tab);
            byTab.put(tab.id(), new ArrayList<>());
        });
        Set<String> subflows = new HashSet<>();
        export.ofType("subflow").forEach(s -> subflows.add(s.id()));
        for (NodeRedNode node : export.nodes()) {
            if (!node.isPlaced() || node.type().equals("tab") || node.type().equals("group")) {
                continue;
            }
            if (node.z() != null && subflows.contains(node.z())) {
                continue; // inside a subflow's definition: reported once per subflow below
            }
            // a partial export may leave out the tab its nodes sit on: they get a flow of their own
            byTab.computeIfAbsent(node.z() == null ? "" : node.z(), z -> new ArrayList<>())
                    .add(node);
        }
        export.ofType("subflow")
                .forEach(s -> findings.add(new ImportFinding(
                        ImportFinding.Kind.DROPPED,
                        null,
                        null,
                        s.id(),
                        s.type(),
                        s.name(),
                        "subflow definitions are not imported; each instance is a placeholder")));
        Set<String> flowIds = new HashSet<>();
        List<Flow> flows = new ArrayList<>();
        for (Map.Entry<String, List<NodeRedNode>> tab : byTab.entrySet()) {
            NodeRedNode tabNode = tabs.get(tab.getKey());
            String label = tabNode == null ? null : tabNode.text("label");
            String flowId = Slugs.unique(Slugs.slug(label != null ? label : tab.getKey(), "flow"), flowIds);
            TabConversion conversion = new TabConversion(flowId, context, findings);
            flows.add(conversion.convert(label, tabNode, tab.getValue()));
            conversion.placedIds.forEach(
                    (nodeRedId, ids) -> ids.forEach(id -> origins.put(flowId + "/" + id, nodeRedId)));
        }
        return new ImportResult(flows, findings, origins);
    }

    /** One tab into one flow. */
    private static final class TabConversion {
        private final String flowId;
        private final ImportContext context;
        private final List<ImportFinding> findings;
        private final Set<String> nodeIds = new HashSet<>();
        /** Node-RED id → the ids of what it became, and its output ports. */
        private final Map<String, List<String>> placedIds = new LinkedHashMap<>();

        private final Map<String, List<String>> outputPorts = new LinkedHashMap<>();
        private boolean tabDisabled;

        TabConversion(String flowId, ImportContext context, List<ImportFinding> findings) {
            this.flowId = flowId;
            this.context = context;
            this.findings = findings;
        }

        Flow convert(String label, NodeRedNode tab, List<NodeRedNode> members) {
            tabDisabled = tab != null && tab.flag("disabled");
            List<Node> nodes = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            List<NodeRedNode> placed = new ArrayList<>();
            for (NodeRedNode node : members) {
                Mapping mapping = mapping(node);
                if (mapping instanceof Mapping.Dropped dropped) {
                    finding(ImportFinding.Kind.DROPPED, null, node, dropped.reason());
                    if (node.type().equals("comment")) {
                        comments.add(comment(node));
                    }
                    continue;
                }
                List<Node> made = mapping instanceof Mapping.Converted converted
                        ? converted(node, converted)
                        : List.of(placeholder(node, ((Mapping.Placeholder) mapping).reason()));
                for (int i = 0; i < made.size(); i++) {
                    placed.add(node);
                }
                nodes.addAll(made);
            }
            List<Position> positions =
                    CanvasLayout.place(placed.stream().map(NodeRedNode::centre).toList());
            for (int i = 0; i < nodes.size(); i++) {
                // copies of one node (a link out to several link ins) are stacked a card apart
                int copy = copyIndex(placed, i);
                nodes.set(i, nodes.get(i).withPosition(positions.get(i).translate(0, copy * CanvasLayout.CARD_HEIGHT)));
            }
            return new Flow(
                    FlowFormat.CURRENT, flowId, label, description(tab, comments), null, nodes, wires(members), null);
        }

        /** 0 for a node, 1 for its first copy, … */
        private static int copyIndex(List<NodeRedNode> placed, int i) {
            int copy = 0;
            for (int k = i; k > 0 && placed.get(k) == placed.get(k - 1); k--) {
                copy++;
            }
            return copy;
        }

        private Mapping mapping(NodeRedNode node) {
            NodeMapper mapper = NodeMappers.forType(node.type())
                    .orElse((n, c) -> new Mapping.Placeholder(
                            n.type().startsWith("subflow:")
                                    ? "an instance of a subflow, which is not imported"
                                    : "the Node-RED node type '" + n.type() + "' has no Switchboard counterpart"));
            try {
                return mapper.map(node, context);
            } catch (Unmappable e) {
                return new Mapping.Placeholder(e.getMessage());
            }
        }

        private List<Node> converted(NodeRedNode node, Mapping.Converted converted) {
            String base = Slugs.slug(node.name(), Slugs.slug(converted.type(), "node"));
            List<Node> made = new ArrayList<>();
            for (ConfigValue.Fields config : converted.configs()) {
                String id = Slugs.unique(base, nodeIds);
                boolean disabled = converted.disabled() || node.disabled() || tabDisabled;
                made.add(new Node(id, converted.type(), node.name(), config, null, disabled));
                placedIds.computeIfAbsent(node.id(), k -> new ArrayList<>()).add(id);
            }
            outputPorts.put(node.id(), converted.outputPorts());
            String first = made.get(0).id();
            converted.notes().forEach(note -> finding(ImportFinding.Kind.NOTE, first, node, note));
            if (node.disabled() || tabDisabled) {
                finding(
                        ImportFinding.Kind.NOTE,
                        first,
                        node,
                        (node.disabled() ? "it" : "its tab") + " was disabled in Node-RED: kept disabled");
            }
            return made;
        }

        private Node placeholder(NodeRedNode node, String reason) {
            String id = Slugs.unique(Slugs.slug(node.name(), Slugs.slug(node.type(), "node")), nodeIds);
            placedIds.put(node.id(), List.of(id));
            List<String> ports = new ArrayList<>();
            for (int i = 0; i < node.wires().size(); i++) {
                ports.add(i == 0 ? null : "out" + (i + 1));
            }
            outputPorts.put(node.id(), ports);
            finding(ImportFinding.Kind.PLACEHOLDER, id, node, reason);
            List<String> blanked = new ArrayList<>();
            ConfigValue.Fields original = (ConfigValue.Fields) withoutCredentials(node.original(), "", blanked);
            if (!blanked.isEmpty()) {
                finding(
                        ImportFinding.Kind.NOTE,
                        id,
                        node,
                        "the values of " + String.join(", ", blanked)
                                + " were left out of the placeholder: they look like credentials, and a flow file holds no secret values");
            }
            String type = PLACEHOLDER_PREFIX + node.type().replaceAll("[^A-Za-z0-9._-]+", "-");
            return new Node(id, type, node.label(), ConfigValue.object(REASON, reason, ORIGINAL, original), null, true);
        }

        /** The value with the text under every credential-like key blanked; the keys' paths are added to {@code blanked}. */
        private static ConfigValue withoutCredentials(ConfigValue value, String path, List<String> blanked) {
            if (value instanceof ConfigValue.Items items) {
                List<ConfigValue> copy = new ArrayList<>();
                for (int i = 0; i < items.values().size(); i++) {
                    copy.add(withoutCredentials(items.values().get(i), path + "[" + i + "]", blanked));
                }
                return new ConfigValue.Items(copy);
            }
            if (!(value instanceof ConfigValue.Fields fields)) {
                return value;
            }
            Map<String, ConfigValue> copy = new LinkedHashMap<>();
            fields.values().forEach((key, v) -> {
                String at = path.isEmpty() ? key : path + "." + key;
                if (FlowValidator.looksLikeCredential(key)
                        && v instanceof ConfigValue.Text t
                        && !t.value().isBlank()) {
                    blanked.add("'" + at + "'");
                    copy.put(key, new ConfigValue.Text(""));
                } else {
                    copy.put(key, withoutCredentials(v, at, blanked));
                }
            });
            return new ConfigValue.Fields(copy);
        }

        private List<Wire> wires(List<NodeRedNode> members) {
            Set<Wire> wires = new LinkedHashSet<>();
            for (NodeRedNode node : members) {
                List<String> from = placedIds.get(node.id());
                List<String> ports = outputPorts.get(node.id());
                if (from == null) {
                    continue;
                }
                for (int output = 0; output < node.wires().size() && output < ports.size(); output++) {
                    for (String target : node.wires().get(output)) {
                        for (String to : targets(target)) {
                            for (String source : from) {
                                wires.add(Wire.of(source, ports.get(output), to));
                            }
                        }
                    }
                }
            }
            return List.copyOf(wires);
        }

        /** What a wire to {@code nodeRedId} leads to: what that node became, or through junctions, what they lead to. */
        private Set<String> targets(String nodeRedId) {
            Set<String> found = new LinkedHashSet<>();
            Set<String> seen = new HashSet<>();
            java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(nodeRedId));
            while (!pending.isEmpty()) {
                String id = pending.pop();
                if (!seen.add(id)) {
                    continue;
                }
                found.addAll(placedIds.getOrDefault(id, List.of()));
                context.node(id)
                        .filter(n -> n.type().equals("junction"))
                        .ifPresent(junction -> junction.wires().forEach(pending::addAll));
            }
            return found;
        }

        private void finding(ImportFinding.Kind kind, String nodeId, NodeRedNode node, String message) {
            findings.add(new ImportFinding(kind, flowId, nodeId, node.id(), node.type(), node.name(), message));
        }

        private static String comment(NodeRedNode node) {
            String info = node.text("info");
            return "- " + node.label()
                    + (info == null ? "" : ": " + info.strip().replace("\n", " "));
        }

        private static String description(NodeRedNode tab, List<String> comments) {
            List<String> parts = new ArrayList<>();
            String info = tab == null ? null : tab.text("info");
            if (info != null) {
                parts.add(info.strip());
            }
            if (!comments.isEmpty()) {
                parts.add("Comments from Node-RED:\n\n" + String.join("\n", comments));
            }
            return parts.isEmpty() ? null : String.join("\n\n", parts);
        }
    }
}
