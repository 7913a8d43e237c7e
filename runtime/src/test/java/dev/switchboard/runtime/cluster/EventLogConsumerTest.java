package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A runtime that stops, or hands partitions to a runtime that joins, does so without a repeat: the
 * consumer stops fetching, lets the runs in flight finish, commits their offsets and only then lets
 * the partition go (a real KRaft broker; the runs are held until the hand-over has begun).
 */
class EventLogConsumerTest {
    private static final int RECORDS = 40;
    private static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = ClusterProcesses.broker();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void aStoppingConsumerFinishesTheRunsInFlightAndCommitsThemBeforeItLeaves() throws Exception {
        ClusterOptions options = options("stop", 1, "a");
        Set<String> handled = ConcurrentHashMap.newKeySet();
        CountDownLatch release = new CountDownLatch(1);
        EventLogConsumer consumer = new EventLogConsumer(options, held(handled, release), Duration.ofSeconds(30));
        consumer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !handled.isEmpty());

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(consumer::stop);
        release.countDown();
        stopped.get(60, TimeUnit.SECONDS);

        assertThat(handled).hasSize(RECORDS);
        assertThat(committed(options)).containsExactly(Map.entry(0, (long) RECORDS));
    }

    @Test
    void aRuntimeThatJoinsTakesPartitionsWithoutRunningWhatTheOtherFinished() throws Exception {
        ClusterOptions first = options("join", 2, "a");
        Map<String, String> handledBy = new ConcurrentHashMap<>();
        Set<String> repeated = ConcurrentHashMap.newKeySet();
        CountDownLatch release = new CountDownLatch(1);
        EventLogConsumer a = new EventLogConsumer(
                first,
                record -> {
                    if (handledBy.putIfAbsent(record.value(), "a") != null) {
                        repeated.add(record.value());
                    }
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                },
                Duration.ofSeconds(30));
        ClusterOptions second = new ClusterOptions(
                first.bootstrap(),
                first.topic(),
                first.group(),
                first.partitions(),
                first.workers(),
                "b",
                first.leaseTtl());
        EventLogConsumer b = new EventLogConsumer(
                second,
                record -> {
                    if (handledBy.putIfAbsent(record.value(), "b") != null) {
                        repeated.add(record.value());
                    }
                },
                Duration.ofSeconds(30));
        a.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> handledBy.containsValue("a"));
            // a's runs are held while b joins: once the group has taken a partition from a, a's revocation
            // waits for them before the partition goes
            b.start();
            await("a partition taken from a")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> assignedInGroup(first).getOrDefault("switchboard-a", 2) < 2);
            release.countDown();
            await("every record handled").atMost(Duration.ofSeconds(60)).until(() -> handledBy.size() == RECORDS);
            await("both consume")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> !a.assignment().isEmpty() && !b.assignment().isEmpty());
            // the partition that moved had runs of a in flight when it went (records alternate partitions)
            int moved = b.assignment().iterator().next().partition();
            assertThat(handledBy.entrySet().stream()
                            .filter(e -> Integer.parseInt(e.getKey().substring("record-".length())) % 2 == moved)
                            .map(Map.Entry::getValue))
                    .as("who ran the records of partition %d", moved)
                    .contains("a");
        } finally {
            release.countDown();
            a.stop();
            b.stop();
        }
        assertThat(repeated).as("records run twice").isEmpty();
        long half = RECORDS / 2;
        assertThat(committed(first)).containsExactlyInAnyOrderEntriesOf(Map.of(0, half, 1, half));
    }

    /** Records the record and holds every run until {@code release}. */
    private static EventLogConsumer.Handler held(Set<String> handled, CountDownLatch release) {
        return record -> {
            handled.add(record.value());
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
        };
    }

    /** A fresh topic of {@code partitions} with {@link #RECORDS} records over 4 keys, and its group. */
    private static ClusterOptions options(String name, int partitions, String member) throws Exception {
        ClusterOptions options = ClusterOptions.of(kafka.bootstrapServers(), member)
                .withTopic("log-" + name)
                .withGroup("group-" + name)
                .withPartitions(partitions)
                .withWorkers(4);
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(options.topic(), partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(options.topic(), i % partitions, "k" + i % 4, "record-" + i))
                        .get(30, TimeUnit.SECONDS);
            }
        }
        return options;
    }

    /** How many partitions the group coordinator gave each member (by client id). */
    private static Map<String, Integer> assignedInGroup(ClusterOptions options) throws Exception {
        try (Admin admin = kafka.admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(options.group()))
                    .describedGroups()
                    .get(options.group())
                    .get(30, TimeUnit.SECONDS);
            return group.members().stream()
                    .collect(Collectors.toMap(
                            MemberDescription::clientId,
                            m -> m.assignment().topicPartitions().size(),
                            Integer::sum));
        }
    }

    private static Map<Integer, Long> committed(ClusterOptions options) throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(options.group())
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .collect(Collectors.toMap(
                            e -> e.getKey().partition(), e -> e.getValue().offset()));
        }
    }
}
