package dev.switchboard.runtime.importer.nodered;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a mapper may look up beyond its own node: config nodes and the topics link nodes share. */
final class ImportContext {
    static final String LINK_TOPIC_PREFIX = "nodered/link/";

    private final NodeRedExport export;
    private final Map<String, String> linkTopics = new HashMap<>();

    ImportContext(NodeRedExport export) {
        this.export = export;
        Set<String> taken = new HashSet<>();
        for (NodeRedNode linkIn : export.ofType("link in")) {
            String base = Slugs.slug(linkIn.name() == null ? linkIn.id() : linkIn.name(), "link");
            String topic = LINK_TOPIC_PREFIX + base;
            if (!taken.add(topic)) {
                topic = LINK_TOPIC_PREFIX + base + "-" + Slugs.slug(linkIn.id(), "in");
                taken.add(topic);
            }
            linkTopics.put(linkIn.id(), topic);
        }
    }

    Optional<NodeRedNode> node(String id) {
        return export.node(id);
    }

    /** The event topic a link in subscribes to and the link outs wired to it publish to. */
    Optional<String> linkTopic(String linkInId) {
        return Optional.ofNullable(linkTopics.get(linkInId));
    }
}
