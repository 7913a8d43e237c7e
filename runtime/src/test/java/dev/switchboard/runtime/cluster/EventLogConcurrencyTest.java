package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
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
 * The event log's consumer on a real KRaft broker keeps a flow's events within its concurrency
 * limit: the limited flow's events wait for room without holding worker threads, so another flow's
 * events run meanwhile; one key's events still run in order, and a partition's offset is committed
 * only after its events ran.
 */
class EventLogConcurrencyTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaClusterTestKit kafka;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = TestBrokers.plain();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aLimitedFlowRunsAtMostItsLimitAtOnceWhileAnotherFlowsEventsRun() throws Exception {
        String topic = "limits";
        createTopic(topic, 2);
        // slow flow: 10 events of 10 keys on partition 0; other flow: 5 events on partition 1
        for (int i = 0; i < 10; i++) {
            append(topic, 0, "slow/k" + i, "slow", "slow-" + i);
        }
        for (int i = 0; i < 5; i++) {
            append(topic, 1, "other/k" + i, "other", "other-" + i);
        }
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowRunning = new AtomicInteger();
        AtomicInteger slowPeak = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        // 4 workers: had the slow flow's waiting events held threads, the other flow would find none free
        ClusterOptions options = ClusterOptions.of(kafka.bootstrapServers(), "limits-test")
                .withTopic(topic)
                .withGroup("limits")
                .withWorkers(4);
        EventLogConsumer consumer = new EventLogConsumer(
                options,
                record -> {
                    if (record.value().startsWith("slow")) {
                        slowPeak.accumulateAndGet(slowRunning.incrementAndGet(), Math::max);
                        try {
                            assertThat(release.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                                    .as("released")
                                    .isTrue();
                        } finally {
                            slowRunning.decrementAndGet();
                        }
                    }
                    handled.add(record.value());
                },
                Duration.ofSeconds(10),
                flowId -> flowId.equals("slow") ? 2 : FlowLanes.UNLIMITED);
        consumer.start();
        try {
            await("the other flow's events ran while the slow flow holds its two")
                    .atMost(WAIT)
                    .until(() ->
                            handled.stream().filter(v -> v.startsWith("other")).count() == 5 && slowRunning.get() == 2);
            assertThat(consumer.running("slow")).isEqualTo(2);
            assertThat(slowPeak.get()).isEqualTo(2);
            assertThat(committed("limits", topic, 0))
                    .as("nothing of the held batch committed")
                    .isNull();
            await("the other partition's offset committed after its runs")
                    .atMost(WAIT)
                    .until(() -> committed("limits", topic, 1), offset -> offset != null && offset.offset() == 5);

            release.countDown();
            await("every slow event ran")
                    .atMost(WAIT)
                    .until(() ->
                            handled.stream().filter(v -> v.startsWith("slow")).count() == 10);
            assertThat(slowPeak.get()).as("most slow events at once").isEqualTo(2);
            await("the slow partition's offset committed after its runs")
                    .atMost(WAIT)
                    .until(() -> committed("limits", topic, 0), offset -> offset != null && offset.offset() == 10);
        } finally {
            release.countDown();
            consumer.stop();
        }
    }

    @Test
    void aLimitedFlowsKeysKeepTheirOrder() throws Exception {
        String topic = "ordered";
        createTopic(topic, 1);
        for (int seq = 0; seq < 12; seq++) {
            append(topic, 0, "orders/k" + seq % 3, "orders", "k" + seq % 3 + ":" + seq);
        }
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Map<String, List<Integer>> byKey = new ConcurrentHashMap<>();
        ClusterOptions options = ClusterOptions.of(kafka.bootstrapServers(), "order-test")
                .withTopic(topic)
                .withGroup("ordered")
                .withWorkers(8);
        EventLogConsumer consumer = new EventLogConsumer(
                options,
                record -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    String[] keyAndSeq = record.value().split(":");
                    byKey.computeIfAbsent(keyAndSeq[0], k -> new CopyOnWriteArrayList<>())
                            .add(Integer.parseInt(keyAndSeq[1]));
                    running.decrementAndGet();
                },
                Duration.ofSeconds(10),
                flowId -> 2);
        consumer.start();
        try {
            await().atMost(WAIT)
                    .until(() -> byKey.values().stream().mapToInt(List::size).sum() == 12);
            assertThat(byKey)
                    .containsEntry("k0", List.of(0, 3, 6, 9))
                    .containsEntry("k1", List.of(1, 4, 7, 10))
                    .containsEntry("k2", List.of(2, 5, 8, 11));
            assertThat(peak.get()).isLessThanOrEqualTo(2);
        } finally {
            consumer.stop();
        }
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        }
    }

    private static void append(String topic, int partition, String key, String flowId, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, value);
        record.headers().add(KafkaInbox.FLOW_HEADER, flowId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaInbox.NODE_HEADER, "in".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    /** The group's committed offset of the partition; null before its first commit. */
    private static OffsetAndMetadata committed(String group, String topic, int partition) throws Exception {
        TopicPartition tp = new TopicPartition(topic, partition);
        try (Admin admin = kafka.admin()) {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(tp);
        }
    }
}
