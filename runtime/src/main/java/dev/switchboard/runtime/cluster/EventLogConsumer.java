package dev.switchboard.runtime.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the event log in the cluster's consumer group and runs each record through {@link
 * Handler}; a partition's offset is committed only once every record before it has finished its run
 * (at-least-once). A partition's polled records are one batch: the partition is paused while the
 * batch runs, records with the same key run one after the other in offset order, different keys
 * run side by side on the worker threads ({@link KeyOrderedBatches}). So one key's events run in the
 * order they were accepted, also across batches, and a runtime that dies leaves its uncommitted
 * batches to the runtime its partitions move to. A flow with a concurrency limit has its events wait
 * in {@link FlowLanes} (not on a worker thread) while it runs as many as its limit.
 *
 * <p>The {@link KafkaConsumer} is not thread-safe: every call on it happens on this loop's thread,
 * the rebalance callbacks included (they run inside {@code poll}).
 */
final class EventLogConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(EventLogConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long a partition whose batch failed rests before its records are read again. */
    private static final Duration FAILED_PAUSE = Duration.ofSeconds(2);

    /** Runs one record to the end of its run; throws when it could not (the batch is read again). */
    interface Handler {
        void handle(ConsumerRecord<String, String> record) throws Exception;
    }

    /** One partition's polled records, from offset {@code first} up to (not including) {@code next}. */
    private record Batch(TopicPartition partition, long first, long next, CompletableFuture<Void> done) {}

    private final ClusterOptions options;
    private final Duration drainTimeout;
    private final KeyOrderedBatches batches;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Batch> finished = new ConcurrentLinkedQueue<>();
    // the loop thread's own state
    private final Map<TopicPartition, Batch> inFlight = new HashMap<>();
    private final Map<TopicPartition, Long> restingUntil = new HashMap<>();
    /** Finished offsets a commit has not taken yet (a rebalance was in progress). */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

    private KafkaConsumer<String, String> consumer;
    private volatile boolean stopping;
    private volatile Set<TopicPartition> assignment = Set.of();
    /** Records behind the end of each assigned partition, as of the last poll (unknown ones left out). */
    private volatile Map<Integer, Long> lag = Map.of();

    private volatile boolean running;
    /** A new group starts at the end of the topic rather than its beginning (a subscriber's group). */
    private final boolean startAtEnd;

    EventLogConsumer(ClusterOptions options, Handler handler, Duration drainTimeout) {
        this(options, handler, drainTimeout, false, flowId -> FlowLanes.UNLIMITED);
    }

    /**
     * @param concurrencyOf per flow id, how many of its events this runtime runs at once
     *     ({@link FlowLanes#UNLIMITED}: as many as the workers)
     */
    EventLogConsumer(
            ClusterOptions options, Handler handler, Duration drainTimeout, ToIntFunction<String> concurrencyOf) {
        this(options, handler, drainTimeout, false, concurrencyOf);
    }

    /**
     * @param startAtEnd where a group without committed offsets starts: at the end of each partition
     *     (pinned by committing that position at once, so a member joining later starts there too),
     *     else at the beginning
     * @param concurrencyOf per flow id, how many of its events this runtime runs at once
     *     ({@link FlowLanes#UNLIMITED}: as many as the workers)
     */
    EventLogConsumer(
            ClusterOptions options,
            Handler handler,
            Duration drainTimeout,
            boolean startAtEnd,
            ToIntFunction<String> concurrencyOf) {
        this.startAtEnd = startAtEnd;
        this.options = options;
        this.drainTimeout = drainTimeout;
        this.batches = new KeyOrderedBatches(options.workers(), handler, concurrencyOf);
        this.thread = new Thread(this::loop, "switchboard-event-log-" + options.topic());
        this.thread.setDaemon(true);
    }

    void start() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "switchboard-" + options.member());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, startAtEnd ? "latest" : "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a runtime killed outright loses its partitions after this long, not the default 45 s
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        options.client().applyTo(config, KafkaClientProperties.Client.CONSUMER);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        thread.start();
    }

    /** The partitions this runtime consumes now (for health). */
    Set<TopicPartition> assignment() {
        return assignment;
    }

    /** Stops polling, lets running batches finish within the drain timeout, commits what finished. */
    void stop() {
        stopping = true;
        try {
            thread.join(drainTimeout.plusSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        batches.shutdownNow();
    }

    private void loop() {
        running = true;
        try {
            consumer.subscribe(List.of(options.topic()), new Rebalance());
            while (!stopping) {
                commitFinished();
                resumeRested();
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                lag = currentLag();
                for (TopicPartition partition : records.partitions()) {
                    begin(partition, records.records(partition));
                }
            }
            awaitBatches(inFlight.keySet());
            commitFinished();
        } catch (KafkaException | IllegalStateException e) {
            LOG.error("The cluster's event log consumer stopped: {}", e.toString(), e);
        } finally {
            running = false;
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (KafkaException e) {
                LOG.warn("The event log consumer did not close cleanly: {}", e.toString());
            }
        }
    }

    private Map<Integer, Long> currentLag() {
        Map<Integer, Long> now = new java.util.TreeMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(records -> now.put(partition.partition(), records));
        }
        return Map.copyOf(now);
    }

    /** Per assigned partition, how many records wait behind its position (for health). */
    Map<Integer, Long> lag() {
        return lag;
    }

    /** Whether the loop runs (it stops on a stop, or when the consumer failed for good). */
    boolean running() {
        return running;
    }

    private void begin(TopicPartition partition, List<ConsumerRecord<String, String>> records) {
        consumer.pause(List.of(partition));
        CompletableFuture<Void> done = batches.run(records);
        Batch batch = new Batch(
                partition,
                records.get(0).offset(),
                records.get(records.size() - 1).offset() + 1,
                done);
        inFlight.put(partition, batch);
        done.whenComplete((ok, failure) -> finished.add(batch));
    }

    /** How many events of the flow run now on this runtime's workers. */
    int running(String flowId) {
        return batches.running(flowId);
    }

    /** On the loop thread: commits the finished batches' offsets, reads failed ones again after a rest. */
    private void commitFinished() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Batch batch;
        while ((batch = finished.poll()) != null) {
            if (inFlight.get(batch.partition()) != batch) {
                continue; // revoked meanwhile: the partition's new owner reads it from the last commit
            }
            inFlight.remove(batch.partition());
            if (batch.done().isCompletedExceptionally()) {
                LOG.warn(
                        "Events of {} from offset {} could not run and are read again in {}: {}",
                        batch.partition(),
                        batch.first(),
                        FAILED_PAUSE,
                        failureOf(batch));
                consumer.seek(batch.partition(), batch.first());
                restingUntil.put(batch.partition(), System.nanoTime() + FAILED_PAUSE.toNanos());
            } else {
                offsets.put(batch.partition(), new OffsetAndMetadata(batch.next()));
                consumer.resume(List.of(batch.partition()));
            }
        }
        uncommitted.putAll(offsets);
        uncommitted.keySet().retainAll(consumer.assignment());
        if (uncommitted.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(uncommitted);
            uncommitted.clear();
        } catch (RebalanceInProgressException e) {
            // tried again after the next poll, which completes the rebalance
            LOG.debug("Commit waits for a rebalance: {}", e.getMessage());
        } catch (KafkaException e) {
            // the partitions went to another runtime: it runs those events again (at-least-once)
            LOG.warn("Could not commit offsets {}: {}", uncommitted, e.toString());
            uncommitted.clear();
        }
    }

    private static String failureOf(Batch batch) {
        try {
            batch.done().join();
            return "";
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getMessage();
        }
    }

    private void resumeRested() {
        long now = System.nanoTime();
        restingUntil.entrySet().removeIf(e -> {
            if (now - e.getValue() < 0) {
                return false;
            }
            if (consumer.assignment().contains(e.getKey())) {
                consumer.resume(List.of(e.getKey()));
            }
            return true;
        });
    }

    private void awaitBatches(Collection<TopicPartition> partitions) {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        for (TopicPartition partition : List.copyOf(partitions)) {
            Batch batch = inFlight.get(partition);
            if (batch == null) {
                continue;
            }
            try {
                batch.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                // get() can return before the worker has queued the batch as finished (waiters are woken
                // before dependent actions run): queue it here, or its offsets would not be committed
                // before the partition goes; a second entry is skipped by commitFinished
                finished.add(batch);
            } catch (ExecutionException e) {
                LOG.debug("Batch of {} failed: {}", partition, e.getCause().toString());
                finished.add(batch);
            } catch (TimeoutException e) {
                LOG.warn(
                        "Events of {} were still running after {}; they run again where the partition goes",
                        partition,
                        drainTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Commits the end of each newly assigned partition the group has no offset for yet: from then on
     * the group's start is fixed, whichever member consumes the partition first.
     */
    private void pinStart(Collection<TopicPartition> partitions) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (committed.get(partition) == null) {
                    start.put(partition, new OffsetAndMetadata(consumer.position(partition)));
                }
            }
            if (!start.isEmpty()) {
                consumer.commitSync(start);
                LOG.debug("Group '{}' starts at {}", options.group(), start);
            }
        } catch (KafkaException e) {
            // an exception out of this callback would end the loop; unpinned, this member still starts at the end
            LOG.warn(
                    "Could not fix where group '{}' starts on {}: {}; a member that takes these partitions"
                            + " before this one commits starts at the end as it is then",
                    options.group(),
                    partitions,
                    e.toString());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // finish what runs and commit it, so the next owner does not run it again
            awaitBatches(partitions);
            commitFinished();
            partitions.forEach(p -> {
                inFlight.remove(p);
                restingUntil.remove(p);
            });
            assignment = Set.copyOf(consumer.assignment());
            LOG.info("Partitions revoked from this runtime: {}", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (startAtEnd && !partitions.isEmpty()) {
                pinStart(partitions);
            }
            assignment = Set.copyOf(consumer.assignment());
            if (!partitions.isEmpty()) {
                LOG.info("Partitions assigned to this runtime: {}", partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // no commit: they belong to another runtime already
            partitions.forEach(p -> {
                inFlight.remove(p);
                restingUntil.remove(p);
            });
            assignment = Set.copyOf(consumer.assignment());
            LOG.warn("Partitions lost by this runtime: {}", partitions);
        }
    }
}
