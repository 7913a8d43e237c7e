package dev.switchboard.connector.pubsub;

import dev.switchboard.connector.spi.Event;
import java.util.HashMap;
import java.util.Map;

/**
 * What a subscriber receives of a published event: the same id (so lineage continues), stamped
 * with the topic, the publishing flow and the number of topics it has passed. Shared by the
 * in-process {@code sbtopic} component and the runtime's cluster transport, so a subscriber sees
 * the same event whichever carried it.
 */
public final class PublishedCopy {
    /** Extension attributes added to delivered copies (CloudEvents names: lower-case letters and digits). */
    public static final String TOPIC_ATTRIBUTE = "sbtopic";

    public static final String PUBLISHER_ATTRIBUTE = "sbpublisher";
    public static final String HOPS_ATTRIBUTE = "sbhops";
    /** A flow subscribed, directly or not, to what it publishes would otherwise publish forever. */
    public static final int MAX_HOPS = 8;

    private PublishedCopy() {}

    /**
     * The copy of {@code event} subscribers of {@code topic} get; its data is the event's own (copy
     * it per subscriber when several share one process).
     *
     * @param publisher the publishing flow's id, or empty when unknown
     * @throws IllegalStateException when the event has passed {@link #MAX_HOPS} topics already
     */
    public static Event of(Event event, String topic, String publisher) {
        int hops = hops(event) + 1;
        if (hops > MAX_HOPS) {
            throw new IllegalStateException("Event " + event.id() + " was published " + MAX_HOPS
                    + " times in a row (last to topic '" + topic + "'); is a flow subscribed to what it publishes?");
        }
        Map<String, String> extensions = new HashMap<>(event.extensions());
        extensions.put(TOPIC_ATTRIBUTE, topic);
        extensions.put(HOPS_ATTRIBUTE, Integer.toString(hops));
        if (!publisher.isEmpty()) {
            extensions.put(PUBLISHER_ATTRIBUTE, publisher);
        }
        return new Event(
                event.id(),
                event.source(),
                event.type(),
                event.time(),
                event.subject(),
                event.dataContentType(),
                event.data(),
                extensions);
    }

    private static int hops(Event event) {
        try {
            return Integer.parseInt(event.extensions().getOrDefault(HOPS_ATTRIBUTE, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
