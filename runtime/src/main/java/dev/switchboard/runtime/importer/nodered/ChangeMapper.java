package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code change} → {@code map} in mode {@code merge}: each "set" rule an output field with a
 * template ({@code msg.payload.total} from {@code msg.payload.amount} → {@code "total":
 * "{{data.amount}}"}), "move" a set that leaves the old field. A change that is one "set
 * msg.payload to a JSONata expression" becomes a map with {@code jsonata}. Delete and search/replace
 * rules have no counterpart in a map step.
 */
final class ChangeMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        List<NodeConfig> rules = node.props().objects("rules");
        if (rules.isEmpty()) {
            throw new Unmappable("it has no rules");
        }
        if (rules.size() == 1 && isWholePayloadJsonata(rules.get(0))) {
            return Mapping.converted(
                    "map",
                    ConfigValue.object("jsonata", againstMsg(rules.get(0).string("to", ""))),
                    "the JSONata expression runs against {\"payload\": data}, as Node-RED ran it against msg;"
                            + " msg's other properties (topic, req, headers) and $$ are not the same here");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            NodeConfig rule = rules.get(i);
            String t = rule.string("t", "");
            String what = "its rule " + (i + 1) + " (" + t + ")";
            MsgPaths.requireMsg(rule.string("pt", "msg"), what);
            switch (t) {
                case "set" -> fields.put(targetOf(rule.string("p", ""), what), value(rule, what, notes));
                case "move" -> {
                    MsgPaths.requireMsg(rule.string("tot", "msg"), what);
                    fields.put(
                            targetOf(rule.string("to", ""), what), "{{" + MsgPaths.lookup(rule.string("p", "")) + "}}");
                    notes.add("moving msg." + rule.string("p", "")
                            + " copies it: a map step cannot remove the old field");
                }
                case "delete" -> throw new Unmappable(what + ": a map step cannot remove a field");
                default -> throw new Unmappable(what + " has no counterpart in a map step");
            }
        }
        return Mapping.converted(
                "map", List.of(ConfigValue.object("fields", ConfigValue.from(fields), "mode", "merge")), notes);
    }

    /**
     * Node-RED evaluates a change node's JSONata against {@code msg} ({@code payload.sku}); the map
     * step evaluates against the CloudEvent ({@code data.sku}). Evaluating the unchanged expression
     * in a context object keeps every {@code payload} path meaning what it meant, without rewriting
     * JSONata text.
     */
    static String againstMsg(String expression) {
        return "{\"payload\": data}.(\n" + expression + "\n)";
    }

    private static boolean isWholePayloadJsonata(NodeConfig rule) {
        return rule.string("t", "").equals("set")
                && rule.string("pt", "msg").equals("msg")
                && rule.string("p", "").equals("payload")
                && rule.string("tot", "").equals("jsonata");
    }

    private static String targetOf(String property, String what) throws Unmappable {
        String field = MsgPaths.dataField(property);
        if (field.isEmpty()) {
            throw new Unmappable(what + " replaces the whole msg.payload, which a map step's fields cannot express");
        }
        return field;
    }

    private static String value(NodeConfig rule, String what, List<String> notes) throws Unmappable {
        String to = rule.string("to", "");
        String type = rule.string("tot", "str");
        return switch (type) {
            case "str" -> MsgPaths.literal(to, what);
            case "num", "bool", "json" -> {
                notes.add("msg." + rule.string("p", "") + " is set to the text '" + to
                        + "': map fields are templates, which render text");
                yield MsgPaths.literal(to, what);
            }
            case "msg" -> "{{" + MsgPaths.lookup(to) + "}}";
            case "date" -> {
                notes.add("msg." + rule.string("p", "") + " is the event's time (ISO text), not epoch milliseconds");
                yield "{{time}}";
            }
            case "jsonata" ->
                throw new Unmappable(
                        what + " sets one field from JSONata; the map step's jsonata makes the whole data");
            default -> throw new Unmappable(what + " reads " + type + " context, which Switchboard does not have");
        };
    }
}
