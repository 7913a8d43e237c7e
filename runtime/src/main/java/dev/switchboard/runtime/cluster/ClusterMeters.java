package dev.switchboard.runtime.cluster;

import dev.switchboard.runtime.metrics.RuntimeMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * Cluster mode's series on {@code /metrics}: which partitions of the event log this runtime
 * consumes and how far behind each is, and the revision of each flow it runs (docs/operations.md).
 * Rows are read on the scraping thread from what the consumer and the flow poll already hold: no
 * call to Kafka or the store per scrape.
 */
public final class ClusterMeters {
    private final KafkaInbox inbox;
    private final ClusterDeployments flows;
    private final MultiGauge partitionAssigned;
    private final MultiGauge partitionLag;
    private final MultiGauge flowRevision;
    private final MultiGauge flowBehind;

    private ClusterMeters(RuntimeMetrics metrics, KafkaInbox inbox, ClusterDeployments flows) {
        this.inbox = inbox;
        this.flows = flows;
        var registry = metrics.registry();
        String topic = inbox.options().topic();
        Gauge.builder(
                        "switchboard.cluster.partitions.assigned",
                        inbox,
                        i -> i.assignment().size())
                .description("Partitions of the event log this runtime consumes now")
                .tags("topic", topic)
                .register(registry);
        Gauge.builder("switchboard.cluster.consumer.lag", inbox, ClusterMeters::totalLag)
                .description("Records of the event log waiting behind this runtime's position, all its partitions")
                .tags("topic", topic)
                .register(registry);
        partitionAssigned = MultiGauge.builder("switchboard.cluster.partition.assigned")
                .description("1 for each partition of the event log this runtime consumes (a series per partition)")
                .register(registry);
        partitionLag = MultiGauge.builder("switchboard.cluster.partition.lag")
                .description("Records waiting behind this runtime's position, per partition it consumes"
                        + " (once the consumer has measured it)")
                .register(registry);
        flowRevision = MultiGauge.builder("switchboard.cluster.flow.revision")
                .description("The revision of the flow's stored definition this runtime runs (or keeps stopped)")
                .register(registry);
        flowBehind = MultiGauge.builder("switchboard.cluster.flow.behind")
                .description("1 when the flow's newest stored revision does not run here (see /health/ready)")
                .register(registry);
        metrics.beforeEachScrape(this::refresh);
    }

    /** Adds the cluster's series to {@code metrics}; {@code flows} null leaves out the flow revisions. */
    public static ClusterMeters bind(RuntimeMetrics metrics, KafkaInbox inbox, ClusterDeployments flows) {
        return new ClusterMeters(metrics, inbox, flows);
    }

    private static double totalLag(KafkaInbox inbox) {
        return inbox.lag().values().stream().mapToLong(Long::longValue).sum();
    }

    private void refresh() {
        String topic = inbox.options().topic();
        Map<Integer, Long> lag = inbox.lag();
        List<MultiGauge.Row<?>> assigned = new ArrayList<>();
        List<MultiGauge.Row<?>> behindEnd = new ArrayList<>();
        for (TopicPartition partition : inbox.assignment()) {
            Tags tags = Tags.of("topic", topic, "partition", Integer.toString(partition.partition()));
            assigned.add(MultiGauge.Row.of(tags, 1));
            Long records = lag.get(partition.partition());
            if (records != null) {
                behindEnd.add(MultiGauge.Row.of(tags, records));
            }
        }
        partitionAssigned.register(assigned, true);
        partitionLag.register(behindEnd, true);
        if (flows == null) {
            return;
        }
        Map<String, Long> revisions = flows.revisions();
        Map<String, String> failures = flows.failures();
        List<MultiGauge.Row<?>> revisionRows = new ArrayList<>();
        revisions.forEach((flow, revision) -> revisionRows.add(MultiGauge.Row.of(Tags.of("flow", flow), revision)));
        flowRevision.register(revisionRows, true);
        Set<String> known = new TreeSet<>(revisions.keySet());
        known.addAll(failures.keySet());
        List<MultiGauge.Row<?>> behindRows = new ArrayList<>();
        known.forEach(
                flow -> behindRows.add(MultiGauge.Row.of(Tags.of("flow", flow), failures.containsKey(flow) ? 1 : 0)));
        flowBehind.register(behindRows, true);
    }
}
