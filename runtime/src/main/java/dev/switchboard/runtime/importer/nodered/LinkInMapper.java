package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;

/** {@code link in} → {@code event.subscribe} on its topic, {@code nodered/link/<its name>}. */
final class LinkInMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        String topic = context.linkTopic(node.id()).orElseThrow(() -> new Unmappable("it has no topic"));
        return Mapping.converted("event.subscribe", ConfigValue.object("topic", topic));
    }
}
