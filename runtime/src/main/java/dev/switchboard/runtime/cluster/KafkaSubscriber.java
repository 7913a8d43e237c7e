package dev.switchboard.runtime.cluster;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FlowExchange;
import dev.switchboard.connector.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code event.subscribe} in cluster mode: while its route runs, consumes the topic's Kafka topic in
 * the subscribing node's own consumer group ({@link EventLogConsumer}: one key's events in order,
 * offsets committed after the runs finished). Every runtime running the flow joins the same group,
 * so each event runs once per subscriber flow in the cluster. A group new to the topic starts at its
 * end: a subscriber sees what is published after it first subscribed, and — its offsets kept by
 * Kafka — what was published while it was stopped or redeployed.
 */
final class KafkaSubscriber extends DefaultConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSubscriber.class);

    private final KafkaPubSub.TopicEndpoint endpoint;
    private volatile EventLogConsumer log;

    KafkaSubscriber(KafkaPubSub.TopicEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KafkaPubSub pubSub = endpoint.pubSub();
        String routeId = getRouteId();
        int colon = routeId == null ? -1 : routeId.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("sbtopic:" + endpoint.topic()
                    + " subscribes for a flow's trigger (route flow:node); this route is '" + routeId + "'");
        }
        String kafkaTopic = pubSub.names().kafkaTopic(endpoint.topic());
        pubSub.ensureTopic(kafkaTopic);
        ClusterOptions options = pubSub.inbox()
                .options()
                .withTopic(kafkaTopic)
                .withGroup(pubSub.names().group(routeId.substring(0, colon), routeId.substring(colon + 1)));
        // not bounded by the subscriber flow's settings.concurrency: the records name no flow the
        // lanes could key on (docs/scaling.md, "Not built yet")
        EventLogConsumer started = new EventLogConsumer(
                options, this::handle, pubSub.inbox().drainTimeout(), true, flowId -> FlowLanes.UNLIMITED);
        started.start();
        log = started;
        pubSub.running(this, true);
    }

    /** For health: {@code flow:node} and the partitions of its topic this runtime consumes, with their lag. */
    String describe() {
        EventLogConsumer current = log;
        if (current == null || !current.running()) {
            return getRouteId() + " (not consuming)";
        }
        Map<Integer, Long> lag = current.lag();
        String partitions = current.assignment().stream()
                .map(TopicPartition::partition)
                .sorted()
                .map(p -> p + (lag.containsKey(p) ? " (lag " + lag.get(p) + ")" : ""))
                .collect(Collectors.joining(", "));
        return getRouteId() + ": " + (partitions.isEmpty() ? "no partitions" : "partitions " + partitions);
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.pubSub().running(this, false);
        EventLogConsumer running = log;
        log = null;
        if (running != null) {
            // finishes and commits what runs; what has not started is read again by the group
            running.stop();
        }
        super.doStop();
    }

    /** Runs one published event as a run of the subscriber's flow, a child of the publishing run. */
    private void handle(ConsumerRecord<String, String> record) {
        if (endpoint.pubSub().closing()) {
            // read again by whichever runtime of the group the partition goes to
            throw new IllegalStateException("the runtime is stopping");
        }
        Event event;
        try {
            event = Json.fromCloudEvent(Json.parse(record.value()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Record {}@{} of Kafka topic '{}' is not an event Switchboard published ({}); skipped",
                    record.partition(),
                    record.offset(),
                    record.topic(),
                    e.getMessage());
            return;
        }
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(event);
        Header run = record.headers().lastHeader(KafkaPublisher.PUBLISHER_RUN_HEADER);
        if (run != null) {
            exchange.setProperty(FlowExchange.RUN_ID, new String(run.value(), StandardCharsets.UTF_8));
        }
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            Exception error = exchange.getException();
            if (error != null) {
                if (endpoint.pubSub().closing()) {
                    throw new IllegalStateException("the runtime is stopping: " + error.getMessage(), error);
                }
                // as in one runtime: the run is recorded as failed, the topic goes on
                LOG.warn(
                        "Subscriber {} of topic '{}' failed on event {}: {}",
                        getRouteId(),
                        endpoint.topic(),
                        event.id(),
                        error.toString());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
