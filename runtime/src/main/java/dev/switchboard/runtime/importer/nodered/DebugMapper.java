package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;

/** {@code debug} → {@code log}; one switched off in Node-RED stays, disabled. */
final class DebugMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        String complete = node.text("complete", "payload");
        String targetType = node.text("targetType", "msg");
        ConfigValue.Fields config = complete.equals("true") || complete.equals("false") || !targetType.equals("msg")
                ? ConfigValue.object("level", "info")
                : ConfigValue.object("level", "info", "message", "{{" + MsgPaths.lookup(complete) + " | json}}");
        Mapping.Converted log = Mapping.converted("log", config);
        return node.props().bool("active", true)
                ? log
                : log.switchedOff("it was switched off in Node-RED: kept disabled");
    }
}
