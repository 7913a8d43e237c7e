package dev.switchboard.runtime.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runs one partition's polled records on the worker threads: records with the same key one after
 * the other in offset order, different keys side by side, each record once its flow has room in
 * {@link FlowLanes}. Kafka-free apart from the record type, so the {@link EventLogConsumer}'s loop
 * keeps only polling, pausing and committing.
 */
final class KeyOrderedBatches {
    private final EventLogConsumer.Handler handler;
    private final ExecutorService workers;
    private final FlowLanes lanes;

    /**
     * @param concurrencyOf per flow id, how many of its events this runtime runs at once
     *     ({@link FlowLanes#UNLIMITED}: as many as the workers)
     */
    KeyOrderedBatches(int workerCount, EventLogConsumer.Handler handler, ToIntFunction<String> concurrencyOf) {
        this.handler = handler;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, r -> {
            Thread t = new Thread(r, "switchboard-cluster-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.lanes = new FlowLanes(workers, concurrencyOf);
    }

    /** Starts the records' runs; completes once all ran, exceptionally with {@link BatchFailed} if one failed. */
    CompletableFuture<Void> run(List<ConsumerRecord<String, String>> records) {
        Map<String, List<ConsumerRecord<String, String>>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
        }
        List<CompletableFuture<Void>> keys = new ArrayList<>();
        for (List<ConsumerRecord<String, String>> sameKey : byKey.values()) {
            keys.add(runInOrder(sameKey));
        }
        return CompletableFuture.allOf(keys.toArray(CompletableFuture[]::new));
    }

    /**
     * Runs one key's records one after the other, each once its flow has room; a record that fails
     * stops the rest: what follows it in its key must not overtake it, the whole batch is read again.
     */
    private CompletableFuture<Void> runInOrder(List<ConsumerRecord<String, String>> sameKey) {
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        for (ConsumerRecord<String, String> record : sameKey) {
            String flowId = KafkaInbox.header(record, KafkaInbox.FLOW_HEADER);
            previous = previous.thenCompose(ok -> lanes.run(flowId, () -> {
                try {
                    handler.handle(record);
                } catch (Exception e) {
                    throw new BatchFailed(record, e);
                }
            }));
        }
        return previous;
    }

    /** How many events of the flow run now on the workers. */
    int running(String flowId) {
        return lanes.running(flowId);
    }

    /** Interrupts what still runs; called once the consumer's loop has drained or given up. */
    void shutdownNow() {
        workers.shutdownNow();
    }

    /** A record of a batch could not run; the batch is read again from its first offset. */
    static final class BatchFailed extends RuntimeException {
        BatchFailed(ConsumerRecord<String, String> record, Exception cause) {
            super("record " + record.partition() + "@" + record.offset() + ": " + cause.getMessage(), cause);
        }
    }
}
