package dev.switchboard.connector.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Commits exactly the records whose flow finished, and nothing else. A factory of our own (not
 * Camel's default ones) makes camel-kafka pick its no-op commit manager, which never commits
 * on its own — Camel's sync manager would commit every polled position on an interrupted stop,
 * losing the unprocessed rest of a batch.
 */
final class CommitAfterFlow implements KafkaManualCommitFactory {
    static final String BEAN = "switchboardKafkaCommitAfterFlow";

    /**
     * Arranges the commit for when the exchange completes without failure — also when a step
     * ended it early on purpose (a filter), which a trailing processor would not see.
     */
    static final Processor COMMIT_WHEN_DONE = exchange -> {
        KafkaManualCommit commit =
                exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit == null) {
            throw new IllegalStateException("The Kafka record has no commit handle; its offset cannot be committed");
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                commit.commit();
            }
        });
    };

    static void register(CamelContext camel) {
        synchronized (CommitAfterFlow.class) {
            if (camel.getRegistry().lookupByName(BEAN) == null) {
                camel.getRegistry().bind(BEAN, new CommitAfterFlow());
            }
        }
    }

    @Override
    public KafkaManualCommit newInstance(
            CamelExchangePayload exchange, KafkaRecordPayload record, CommitManager manager) {
        // runs on the consumer's own thread (the flow is synchronous), as KafkaConsumer requires
        return () -> exchange.consumer.commitSync(
                Map.of(record.partition, new OffsetAndMetadata(record.recordOffset + 1)),
                Duration.ofMillis(record.commitTimeout));
    }
}
