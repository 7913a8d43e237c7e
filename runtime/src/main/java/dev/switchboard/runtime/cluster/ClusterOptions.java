package dev.switchboard.runtime.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How a runtime joins a cluster: the Kafka cluster holding the event log ({@code bootstrap}), the
 * topic push triggers append to and the consumer group every runtime consumes it in, how many
 * partitions the topic gets when this runtime creates it, how many events this runtime runs at
 * once, the name it goes by in leases, and what its Kafka clients add to Switchboard's own settings
 * (security, tuning: {@link KafkaClientProperties}, whose text never shows a password).
 */
public record ClusterOptions(
        String bootstrap,
        String topic,
        String group,
        int partitions,
        int workers,
        String member,
        Duration leaseTtl,
        KafkaClientProperties client) {
    public static final String DEFAULT_TOPIC = "switchboard.events";
    public static final String DEFAULT_GROUP = "switchboard";
    public static final int DEFAULT_PARTITIONS = 12;
    public static final int DEFAULT_WORKERS = 16;

    public ClusterOptions {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(leaseTtl, "leaseTtl");
        Objects.requireNonNull(client, "client");
        if (partitions < 1 || workers < 1) {
            throw new IllegalArgumentException("partitions and workers must be at least 1");
        }
    }

    /** Clients with Switchboard's own settings only. */
    public ClusterOptions(
            String bootstrap,
            String topic,
            String group,
            int partitions,
            int workers,
            String member,
            Duration leaseTtl) {
        this(bootstrap, topic, group, partitions, workers, member, leaseTtl, KafkaClientProperties.NONE);
    }

    public static ClusterOptions of(String bootstrap, String member) {
        return new ClusterOptions(
                bootstrap,
                DEFAULT_TOPIC,
                DEFAULT_GROUP,
                DEFAULT_PARTITIONS,
                DEFAULT_WORKERS,
                member,
                TriggerLeases.DEFAULT_TTL);
    }

    public ClusterOptions withTopic(String newTopic) {
        return new ClusterOptions(bootstrap, newTopic, group, partitions, workers, member, leaseTtl, client);
    }

    public ClusterOptions withGroup(String newGroup) {
        return new ClusterOptions(bootstrap, topic, newGroup, partitions, workers, member, leaseTtl, client);
    }

    public ClusterOptions withPartitions(int count) {
        return new ClusterOptions(bootstrap, topic, group, count, workers, member, leaseTtl, client);
    }

    public ClusterOptions withWorkers(int count) {
        return new ClusterOptions(bootstrap, topic, group, partitions, count, member, leaseTtl, client);
    }

    public ClusterOptions withClient(KafkaClientProperties properties) {
        return new ClusterOptions(bootstrap, topic, group, partitions, workers, member, leaseTtl, properties);
    }

    /** Renewed three times per lease: one missed renewal does not hand a trigger over. */
    public Duration leaseRenewEvery() {
        return leaseTtl.dividedBy(3);
    }
}
