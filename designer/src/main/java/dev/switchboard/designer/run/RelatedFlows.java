package dev.switchboard.designer.run;

import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows that run beside the open one: those in the same folder that subscribe to a topic it
 * publishes to, and so on down the chain — so an event can be followed across flows without the
 * user opening each of them first.
 */
public final class RelatedFlows {
    private static final Logger LOG = LoggerFactory.getLogger(RelatedFlows.class);
    static final String PUBLISH = "event.publish";
    static final String SUBSCRIBE = "event.subscribe";

    private RelatedFlows() {}

    /** The subscribers (transitively) of {@code open} among the flow files in {@code folder}; never {@code open} itself. */
    public static List<Flow> subscribersOf(Flow open, Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        return subscribersOf(open, readFolder(folder, open.id()));
    }

    static List<Flow> subscribersOf(Flow open, List<Flow> candidates) {
        Map<String, Flow> chosen = new LinkedHashMap<>();
        Deque<Flow> publishers = new ArrayDeque<>(List.of(open));
        while (!publishers.isEmpty()) {
            Set<String> topics = topics(publishers.pop(), PUBLISH);
            for (Flow candidate : candidates) {
                if (!candidate.id().equals(open.id())
                        && !chosen.containsKey(candidate.id())
                        && topics.stream().anyMatch(topics(candidate, SUBSCRIBE)::contains)) {
                    chosen.put(candidate.id(), candidate);
                    publishers.add(candidate);
                }
            }
        }
        return List.copyOf(chosen.values());
    }

    private static Set<String> topics(Flow flow, String type) {
        return flow.nodes().stream()
                .filter(n -> type.equals(n.type()))
                .map(RelatedFlows::topic)
                .filter(t -> t != null && !t.isBlank())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String topic(Node node) {
        var value = node.config().values().get("topic");
        return value instanceof dev.switchboard.connector.spi.config.ConfigValue.Text text ? text.value() : null;
    }

    private static List<Flow> readFolder(Path folder, String skipId) {
        List<Flow> flows = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".flow.json"))
                    .sorted()
                    .toList()) {
                try {
                    Flow flow = FlowCodec.read(Files.readString(file));
                    if (!flow.id().equals(skipId)) {
                        flows.add(flow);
                    }
                } catch (Exception e) {
                    // a broken neighbour must not stop the open flow from running; the log says which
                    LOG.warn("Skipping {} when looking for subscribers: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {} for subscriber flows: {}", folder, e.getMessage());
        }
        return flows;
    }
}
