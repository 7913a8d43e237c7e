package dev.switchboard.runtime.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How a runtime joins a cluster: the Kafka cluster holding the event log ({@code bootstrap}), the
 * topic push triggers append to and the consumer group every runtime consumes it in, how many
 * partitions the topic gets when this runtime creates it, how many events this runtime runs at
 * once, and the name it goes by in leases.
 */
public record ClusterOptions(
        String bootstrap, String topic, String group, int partitions, int workers, String member, Duration leaseTtl) {
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
        if (partitions < 1 || workers < 1) {
            throw new IllegalArgumentException("partitions and workers must be at least 1");
        }
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
        return new ClusterOptions(bootstrap, newTopic, group, partitions, workers, member, leaseTtl);
    }

    public ClusterOptions withGroup(String newGroup) {
        return new ClusterOptions(bootstrap, topic, newGroup, partitions, workers, member, leaseTtl);
    }

    public ClusterOptions withPartitions(int count) {
        return new ClusterOptions(bootstrap, topic, group, count, workers, member, leaseTtl);
    }

    public ClusterOptions withWorkers(int count) {
        return new ClusterOptions(bootstrap, topic, group, partitions, count, member, leaseTtl);
    }

    /** Renewed three times per lease: one missed renewal does not hand a trigger over. */
    public Duration leaseRenewEvery() {
        return leaseTtl.dividedBy(3);
    }
}
