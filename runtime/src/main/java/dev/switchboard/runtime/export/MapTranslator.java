package dev.switchboard.runtime.export;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;

/**
 * {@code map} as a JSONata transformation ({@code camel-jsonata}) whose expression travels in the
 * file as a text bean read through {@code ref:}. Mode {@code merge} is JSONata's shallow
 * {@code $merge}; Switchboard's merge sets dotted fields inside existing objects, which is noted.
 */
final class MapTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("map");
    }

    @Override
    public void translate(NodeExport node) {
        NodeConfig config = node.config();
        String object = JsonataTemplates.object(config.stringMap("fields"), node);
        String expression = object;
        if (config.string("mode", "replace").equals("merge")) {
            expression = "$type($) = \"object\" ? $merge([$, " + object + "]) : " + object;
            if (config.stringMap("fields").keySet().stream().anyMatch(k -> k.contains("."))) {
                node.note(
                        "mode merge",
                        "nested output fields replace the whole top-level object (JSONata $merge is shallow)");
            }
        }
        if (config.has("type")) {
            node.note("type", "the event type is not carried by the exported routes");
        }
        String bean = node.bean("jsonata", expression);
        node.add(CamelSteps.to(
                "jsonata:ref:" + bean, CamelSteps.map("inputType", "JsonString", "outputType", "JsonString")));
    }
}
