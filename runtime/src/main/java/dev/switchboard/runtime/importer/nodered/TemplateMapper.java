package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code template} → {@code map} with one templated field: into {@code msg.payload.x} it merges
 * field {@code x}; into {@code msg.payload} itself the data becomes {@code {"text": …}}.
 */
final class TemplateMapper implements NodeMapper {
    static final String TEXT_FIELD = "text";

    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        MsgPaths.requireMsg(node.text("fieldType", "msg"), "its output");
        String source = node.props().string("template", "");
        String template = node.text("syntax", "mustache").equals("plain")
                ? MsgPaths.literal(source, "its plain text")
                : MsgPaths.template(source);
        List<String> notes = new ArrayList<>();
        if (!node.text("output", "str").equals("str")) {
            notes.add("Node-RED parsed the result as " + node.text("output") + "; the map step keeps it as text");
        }
        if (!node.text("syntax", "mustache").equals("plain") && source.matches("(?s).*\\{\\{[^{].*")) {
            notes.add("{{…}} look-ups are no longer HTML-escaped");
        }
        String field = MsgPaths.dataField(node.text("field", "payload"));
        if (field.isEmpty()) {
            notes.add("Node-RED set msg.payload to the text; here the data becomes {\"" + TEXT_FIELD + "\": text}");
            return Mapping.converted(
                    "map",
                    List.of(ConfigValue.object("fields", ConfigValue.object(TEXT_FIELD, template), "mode", "replace")),
                    notes);
        }
        return Mapping.converted(
                "map",
                List.of(ConfigValue.object("fields", ConfigValue.object(field, template), "mode", "merge")),
                notes);
    }
}
