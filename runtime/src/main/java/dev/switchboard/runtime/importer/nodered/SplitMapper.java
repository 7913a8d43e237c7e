package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;

/** {@code split} → {@code split} {"field": "data.<path>"}: one event per item of the array there. */
final class SplitMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        MsgPaths.requireMsg(node.text("propertyType", "msg"), "its property");
        String field = MsgPaths.lookup(node.text("property", "payload"));
        if (!field.startsWith("data")) {
            throw new Unmappable("it splits " + field + ", not the data");
        }
        String note =
                "only arrays are split, one event per item: Node-RED also split text at '" + node.text("splt", "\\n")
                        + "', objects by key, and arrays into chunks of " + node.text("arraySplt", "1");
        return Mapping.converted("split", ConfigValue.object("field", field), note);
    }
}
