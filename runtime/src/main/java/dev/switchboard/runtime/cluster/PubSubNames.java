package dev.switchboard.runtime.cluster;

import dev.switchboard.connector.pubsub.Topics;

/**
 * The Kafka names of {@code event.publish} / {@code event.subscribe} in cluster mode: one Kafka
 * topic per Switchboard topic, {@code <event log topic>.pubsub.<topic>}, and one consumer group per
 * subscribing node, {@code <cluster group>.subscriber.<flow>.<node>}, so each subscriber flow gets
 * each event once however many runtimes run it.
 */
final class PubSubNames {
    /** Kafka's own limit on a topic name's length. */
    static final int MAX_KAFKA_TOPIC = 249;

    private final String topicPrefix;
    private final String groupPrefix;

    PubSubNames(ClusterOptions options) {
        this.topicPrefix = options.topic() + ".pubsub.";
        this.groupPrefix = options.group() + ".subscriber.";
    }

    /**
     * The Kafka topic carrying {@code topic}. Kafka allows letters, digits, {@code . _ -}: a
     * {@code /} becomes {@code _2f} and a {@code _} {@code _5f}, so two topics never share one.
     *
     * @throws IllegalArgumentException when {@code topic} is no topic name (a template rendered to
     *     something else) or its Kafka name is too long
     */
    String kafkaTopic(String topic) {
        String problem = Topics.problem(topic);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String name = topicPrefix + topic.replace("_", "_5f").replace("/", "_2f");
        if (name.length() > MAX_KAFKA_TOPIC) {
            throw new IllegalArgumentException("Topic '" + topic + "' is too long for the cluster: its Kafka topic '"
                    + name.substring(0, 40) + "…' has " + name.length() + " characters, Kafka allows "
                    + MAX_KAFKA_TOPIC);
        }
        return name;
    }

    /** The consumer group of the subscribing node {@code nodeId} of flow {@code flowId}. */
    String group(String flowId, String nodeId) {
        // flow and node ids are letters, digits, '_' and '-': the dots keep every pair apart
        return groupPrefix + flowId + "." + nodeId;
    }
}
