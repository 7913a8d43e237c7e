package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.model.Position;
import java.util.List;

/**
 * One object of a Node-RED flow export, as Node-RED documents it: {@code id}, {@code type},
 * {@code z} (the tab or subflow it sits on), {@code name}, {@code x}/{@code y} (its centre on the
 * canvas; config nodes have none), {@code wires} (per output, the ids it is wired to), {@code d}
 * (disabled) and the type's own fields.
 *
 * @param z null for tabs and for config nodes that belong to no tab
 * @param centre null for nodes Node-RED does not draw (tabs, config nodes)
 * @param original the whole object as exported, minus {@code credentials}
 */
public record NodeRedNode(
        int index,
        String id,
        String type,
        String z,
        String name,
        Position centre,
        List<List<String>> wires,
        boolean disabled,
        ConfigValue.Fields original) {

    public NodeRedNode {
        name = name == null || name.isBlank() ? null : name;
        wires = wires.stream().map(List::copyOf).toList();
    }

    /** The type's own fields, for typed look-ups. */
    public NodeConfig props() {
        return new NodeConfig(original);
    }

    /** A text field, blank counted as absent (Node-RED writes {@code ""} for unset fields). */
    public String text(String field) {
        ConfigValue value = original.values().get(field);
        String text = value instanceof ConfigValue.Text t
                ? t.value()
                : value instanceof ConfigValue.Num n ? n.value().toPlainString() : null;
        return text == null || text.isBlank() ? null : text;
    }

    public String text(String field, String fallback) {
        String text = text(field);
        return text == null ? fallback : text;
    }

    /** Node-RED writes flags as JSON booleans or as {@code "true"}. */
    public boolean flag(String field) {
        ConfigValue value = original.values().get(field);
        return value instanceof ConfigValue.Bool b
                ? b.value()
                : value instanceof ConfigValue.Text t && t.value().equals("true");
    }

    /** What Node-RED shows: the name, else the type. */
    public String label() {
        return name == null ? type : name;
    }

    public boolean isPlaced() {
        return centre != null;
    }
}
