package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;

/** {@code link out} → one {@code event.publish} per link in it targets, on that link in's topic. */
final class LinkOutMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        if (node.text("mode", "link").equals("return")) {
            throw new Unmappable("it returns to a link call, which has no counterpart");
        }
        List<ConfigValue.Fields> configs = new ArrayList<>();
        for (ConfigValue target : new NodeConfig(node.original()).list("links")) {
            if (target instanceof ConfigValue.Text id) {
                context.linkTopic(id.value()).ifPresent(topic -> configs.add(ConfigValue.object("topic", topic)));
            }
        }
        if (configs.isEmpty()) {
            throw new Unmappable("it links to no link in node of this export");
        }
        List<String> notes = configs.size() == 1
                ? List.of()
                : List.of("one event.publish for each of the " + configs.size() + " link in nodes it targets");
        return Mapping.converted("event.publish", configs, notes);
    }
}
