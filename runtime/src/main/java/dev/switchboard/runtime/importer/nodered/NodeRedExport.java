package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Node-RED flow export ({@code flows.json}, or what Export copies): a JSON array of node
 * objects, tabs among them. Read strictly where the importer depends on a field, with the JSON
 * pointer and what was expected; every other field is kept as it is.
 */
public final class NodeRedExport {
    private final List<NodeRedNode> nodes;
    private final Map<String, NodeRedNode> byId = new LinkedHashMap<>();

    private NodeRedExport(List<NodeRedNode> nodes) {
        this.nodes = List.copyOf(nodes);
        nodes.forEach(n -> byId.putIfAbsent(n.id(), n));
    }

    public static NodeRedExport parse(String json) throws ImportException {
        ConfigValue root;
        try {
            root = FlowCodec.parseValue(json);
        } catch (MalformedFlowException e) {
            throw new ImportException("line " + e.line() + ", column " + e.column() + ": "
                    + (e.isSyntaxError() ? "not valid JSON: " : "") + e.getMessage());
        }
        if (!(root instanceof ConfigValue.Items items)) {
            throw new ImportException(
                    "/: expected a JSON array of node objects (a Node-RED flow export), found " + root.typeName());
        }
        List<NodeRedNode> nodes = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.values().size(); i++) {
            NodeRedNode node = node(i, items.values().get(i));
            Integer first = seen.putIfAbsent(node.id(), i);
            if (first != null) {
                throw new ImportException("/" + i + "/id: the id '" + node.id() + "' is used by /" + first
                        + " already; ids must be unique in an export");
            }
            nodes.add(node);
        }
        return new NodeRedExport(nodes);
    }

    private static NodeRedNode node(int index, ConfigValue value) throws ImportException {
        String at = "/" + index;
        if (!(value instanceof ConfigValue.Fields fields)) {
            throw new ImportException(at + ": expected a node object, found " + value.typeName());
        }
        String id = requiredText(fields, at, "id");
        String type = requiredText(fields, at, "type");
        return new NodeRedNode(
                index,
                id,
                type,
                optionalText(fields, at, "z"),
                optionalText(fields, at, "name"),
                centre(fields, at),
                wires(fields, at),
                fields.values().get("d") instanceof ConfigValue.Bool d && d.value(),
                fields.without("credentials"));
    }

    private static String requiredText(ConfigValue.Fields fields, String at, String name) throws ImportException {
        if (fields.values().get(name) instanceof ConfigValue.Text t
                && !t.value().isBlank()) {
            return t.value();
        }
        throw new ImportException(at + "/" + name + ": expected a non-empty text"
                + (fields.values().containsKey(name)
                        ? ", found " + fields.values().get(name).typeName()
                        : ", but the node has none"));
    }

    private static String optionalText(ConfigValue.Fields fields, String at, String name) throws ImportException {
        ConfigValue value = fields.values().get(name);
        if (value == null || value instanceof ConfigValue.Null) {
            return null;
        }
        if (value instanceof ConfigValue.Text t) {
            return t.value();
        }
        throw new ImportException(at + "/" + name + ": expected a text, found " + value.typeName());
    }

    private static Position centre(ConfigValue.Fields fields, String at) throws ImportException {
        ConfigValue x = fields.values().get("x");
        ConfigValue y = fields.values().get("y");
        if (x == null && y == null) {
            return null;
        }
        if (x instanceof ConfigValue.Num nx && y instanceof ConfigValue.Num ny) {
            return new Position(nx.value().doubleValue(), ny.value().doubleValue());
        }
        String bad = x instanceof ConfigValue.Num ? "y" : "x";
        ConfigValue found = fields.values().get(bad);
        throw new ImportException(
                at + "/" + bad + ": expected a number, found " + (found == null ? "nothing" : found.typeName()));
    }

    private static List<List<String>> wires(ConfigValue.Fields fields, String at) throws ImportException {
        ConfigValue value = fields.values().get("wires");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof ConfigValue.Items outputs)) {
            throw new ImportException(
                    at + "/wires: expected an array with one array of node ids per output, found " + value.typeName());
        }
        List<List<String>> wires = new ArrayList<>();
        for (int o = 0; o < outputs.values().size(); o++) {
            if (!(outputs.values().get(o) instanceof ConfigValue.Items targets)) {
                throw new ImportException(at + "/wires/" + o + ": expected an array of node ids, found "
                        + outputs.values().get(o).typeName());
            }
            List<String> ids = new ArrayList<>();
            for (int t = 0; t < targets.values().size(); t++) {
                if (!(targets.values().get(t) instanceof ConfigValue.Text id)) {
                    throw new ImportException(at + "/wires/" + o + "/" + t + ": expected a node id (text), found "
                            + targets.values().get(t).typeName());
                }
                ids.add(id.value());
            }
            wires.add(ids);
        }
        return wires;
    }

    public List<NodeRedNode> nodes() {
        return nodes;
    }

    public Optional<NodeRedNode> node(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<NodeRedNode> ofType(String type) {
        return nodes.stream().filter(n -> n.type().equals(type)).toList();
    }
}
