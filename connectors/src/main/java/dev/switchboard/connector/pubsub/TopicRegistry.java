package dev.switchboard.connector.pubsub;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The running subscribers of each topic in one CamelContext. */
final class TopicRegistry {
    private final Map<String, List<TopicConsumer>> byTopic = new ConcurrentHashMap<>();

    void subscribe(String topic, TopicConsumer consumer) {
        byTopic.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(consumer);
    }

    void unsubscribe(String topic, TopicConsumer consumer) {
        byTopic.computeIfPresent(topic, (t, consumers) -> {
            consumers.remove(consumer);
            return consumers.isEmpty() ? null : consumers;
        });
    }

    /** A snapshot: subscribers joining or leaving meanwhile do not disturb a delivery in progress. */
    List<TopicConsumer> subscribers(String topic) {
        List<TopicConsumer> consumers = byTopic.get(topic);
        return consumers == null ? List.of() : List.copyOf(consumers);
    }
}
