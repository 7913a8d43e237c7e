package dev.switchboard.runtime.cluster;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.support.Template;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.Inbox;
import dev.switchboard.runtime.engine.RetryRequest;
import dev.switchboard.runtime.engine.RunTracker;
import dev.switchboard.runtime.metrics.HealthChecks;
import dev.switchboard.runtime.model.FlowSettings;
import dev.switchboard.runtime.store.StoreInbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's inbox: a push trigger's accepted event is appended to a Kafka topic — idempotent
 * producer, {@code acks=all}, the append acknowledged — before the trigger answers (202); every
 * runtime consumes the topic in one consumer group ({@link EventLogConsumer}) and commits a
 * partition's offset only after the runs finished. The record key is the flow id, plus the value of
 * the flow's {@code settings.orderingKey} when it has one, so one key's events run in order.
 *
 * <p>Everything else the durable inbox does stays on the shared PostgreSQL store ({@link
 * StoreInbox}): retries wait there as rows, dead-letter replays land there, and an event this
 * runtime cannot run (its flow does not run here, or its run broke on something outside the flow)
 * is moved there, where any runtime that runs the flow picks it up.
 */
public final class KafkaInbox implements Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaInbox.class);
    static final String FLOW_HEADER = "sb-flow";
    static final String NODE_HEADER = "sb-node";
    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterOptions options;
    private final StoreInbox shared;
    private final Duration drainTimeout;
    private final KafkaProducer<String, String> producer;
    private final Map<String, Template> orderingKeys = new ConcurrentHashMap<>();
    private final Set<String> startedFlows = ConcurrentHashMap.newKeySet();
    /** The started flows' {@code settings.concurrency}, for those that set it: their events from the log run at most that many at once. */
    private final Map<String, Integer> concurrencyLimits = new ConcurrentHashMap<>();

    private final Supplier<Engine> engine;
    private volatile ProducerTemplate camelProducer;
    private volatile EventLogConsumer consumer;
    private boolean consumerStopped;

    public KafkaInbox(ClusterOptions options, StoreInbox shared, Supplier<Engine> engine, Duration drainTimeout) {
        this.options = options;
        this.engine = engine;
        this.shared = shared;
        this.drainTimeout = drainTimeout;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "switchboard-" + options.member());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "" + ACCEPT_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "" + (ACCEPT_TIMEOUT.toMillis() - 5000));
        options.client().applyTo(config, KafkaClientProperties.Client.PRODUCER);
        try {
            this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        } catch (KafkaException e) {
            throw new IllegalStateException(
                    "Cannot use Kafka at " + options.bootstrap() + " for the event log: " + e.getMessage(), e);
        }
    }

    @Override
    public ProcessorDefinition<?> accept(ProcessorDefinition<?> at, String flowId, String nodeId) {
        return at.process(exchange -> append(exchange.getIn().getBody(Event.class), flowId, nodeId));
    }

    /** Appends the event to the log and returns once the brokers acknowledged it (acks=all). */
    void append(Event event, String flowId, String nodeId) throws InterruptedException {
        ProducerRecord<String, String> record = new ProducerRecord<>(
                options.topic(), partitionKey(flowId, event), Json.write(Json.toCloudEvent(event)));
        record.headers().add(FLOW_HEADER, flowId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(NODE_HEADER, nodeId.getBytes(StandardCharsets.UTF_8));
        sendAcknowledged(record);
    }

    /**
     * Sends {@code record} with this runtime's one producer (idempotent, acks=all) and returns once
     * the brokers acknowledged it; also what {@code event.publish} appends with in cluster mode.
     */
    void sendAcknowledged(ProducerRecord<String, String> record) throws InterruptedException {
        try {
            producer.send(record).get(ACCEPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "The event could not be appended to Kafka topic '" + record.topic() + "': "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not acknowledge the event within " + ACCEPT_TIMEOUT + " (topic '" + record.topic()
                            + "')",
                    e);
        }
    }

    /** The flow id, then the flow's ordering key's value for this event when it has one. */
    String partitionKey(String flowId, Event event) {
        Optional<String> source = Optional.ofNullable(engine.get())
                .flatMap(e -> e.deployedFlow(flowId))
                .flatMap(flow -> new FlowSettings(flow).orderingKey());
        if (source.isEmpty()) {
            return flowId;
        }
        Template template = orderingKeys.computeIfAbsent(source.get(), Template::parse);
        return flowId + "/" + template.render(event);
    }

    @Override
    public RouteDefinition dispatchFrom(RouteBuilder builder, String flowId, String nodeId) {
        return shared.dispatchFrom(builder, flowId, nodeId);
    }

    @Override
    public void retryLater(RetryRequest retry) {
        shared.retryLater(retry);
    }

    @Override
    public int defaultConcurrency() {
        return shared.defaultConcurrency();
    }

    @Override
    public void start(CamelContext camel, RunTracker tracker) {
        shared.start(camel, tracker);
        this.camelProducer = camel.createProducerTemplate();
        ensureTopic();
    }

    /**
     * Starts consuming the event log; call once the flows this runtime runs are deployed, so the
     * first records find them.
     */
    public synchronized void startConsuming() {
        if (consumer == null) {
            EventLogConsumer started = new EventLogConsumer(options, this::run, drainTimeout, this::concurrencyOf);
            consumer = started;
            started.start();
        }
    }

    /** The partitions of the event log this runtime consumes now. */
    public List<TopicPartition> assignment() {
        EventLogConsumer current = consumer;
        return current == null
                ? List.of()
                : current.assignment().stream()
                        .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                        .toList();
    }

    /** Per partition this runtime consumes, the records waiting behind its position, as of the last poll. */
    public Map<Integer, Long> lag() {
        EventLogConsumer current = consumer;
        return current == null ? Map.of() : current.lag();
    }

    /**
     * For {@code /health/ready}: UP while this runtime consumes the event log, with its partitions and
     * their lag; DOWN before it joined the group or after its consumer stopped.
     */
    public HealthChecks.Check health() {
        EventLogConsumer current = consumer;
        if (current == null || !current.running()) {
            return HealthChecks.Check.down(
                    "cluster", current == null ? "not consuming the event log yet" : "the event log consumer stopped");
        }
        Map<Integer, Long> lag = current.lag();
        String partitions = assignment().stream()
                .map(p ->
                        p.partition() + (lag.containsKey(p.partition()) ? " (lag " + lag.get(p.partition()) + ")" : ""))
                .collect(java.util.stream.Collectors.joining(", "));
        return HealthChecks.Check.up(
                "cluster",
                "member " + options.member() + " of group '" + options.group() + "'; partitions of '" + options.topic()
                        + "': " + (partitions.isEmpty() ? "none" : partitions));
    }

    public ClusterOptions options() {
        return options;
    }

    /** How long stopping waits for events that run (also a subscriber's, see {@link KafkaPubSub}). */
    Duration drainTimeout() {
        return drainTimeout;
    }

    private void ensureTopic() {
        ensureTopic(options.topic(), "event log");
    }

    /** Creates {@code topic} with the cluster's partition count unless it exists; {@code what} names it in messages. */
    void ensureTopic(String topic, String what) {
        LOG.info(
                "The {} is topic '{}' on Kafka at {} ({})",
                what,
                topic,
                options.bootstrap(),
                options.client().describe());
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        options.client().applyTo(config, KafkaClientProperties.Client.ADMIN);
        try (Admin admin = Admin.create(config)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(options.partitions()), Optional.empty())))
                        .all()
                        .get(ACCEPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Created the {} topic '{}' with {} partitions", what, topic, options.partitions());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException) {
                    // a user that may not create topics can still use one an administrator created
                    KafkaAccessProblems.requireTopic(admin, topic, ACCEPT_TIMEOUT);
                } else if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(KafkaAccessProblems.explain(options, e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + options.bootstrap() + " did not answer within " + ACCEPT_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the " + what + " topic '" + topic + "'", e);
        }
    }

    /** Runs one record of the log to the end of its run (on a consumer worker thread). */
    private void run(ConsumerRecord<String, String> record) throws Exception {
        String flowId = header(record, FLOW_HEADER);
        String nodeId = header(record, NODE_HEADER);
        if (flowId == null || nodeId == null) {
            LOG.warn(
                    "Record {}@{} of topic '{}' names no flow and node: not an event Switchboard appended; skipped",
                    record.partition(),
                    record.offset(),
                    record.topic());
            return;
        }
        Event event = Json.fromCloudEvent(Json.parse(record.value()));
        if (!startedFlows.contains(flowId)) {
            Engine served = engine.get();
            if (served != null && served.isClosing()) {
                // read again by whichever runtime the partition goes to, in order
                throw new IllegalStateException("the runtime is stopping");
            }
            // a flow this runtime does not run (now): kept in the shared inbox for a runtime that does
            shared.commit(event, flowId, nodeId);
            return;
        }
        Exchange exchange = new DefaultExchange(camelProducer.getCamelContext());
        exchange.getIn().setBody(event);
        Exchange result = camelProducer.send(StoreInbox.dispatchUri(flowId, nodeId), exchange);
        if (result.getException() != null) {
            LOG.warn(
                    "Event {} of flow '{}' could not run and is kept in the shared inbox: {}",
                    event.id(),
                    flowId,
                    result.getException().toString());
            shared.commit(event, flowId, nodeId);
        }
    }

    private synchronized void stopConsuming() {
        EventLogConsumer current = consumer;
        if (current != null && !consumerStopped) {
            consumerStopped = true;
            current.stop();
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void flowStarted(String flowId, int concurrency) {
        shared.flowStarted(flowId, concurrency);
        // only a limit the flow sets itself: without one its events from the log share the workers as before
        Optional.ofNullable(engine.get())
                .flatMap(e -> e.deployedFlow(flowId))
                .map(flow -> new FlowSettings(flow).concurrencyLimit())
                .filter(java.util.OptionalInt::isPresent)
                .ifPresentOrElse(
                        limit -> concurrencyLimits.put(flowId, limit.getAsInt()),
                        () -> concurrencyLimits.remove(flowId));
        startedFlows.add(flowId);
    }

    /** How many of a flow's events from the log run at once on this runtime. */
    int concurrencyOf(String flowId) {
        return concurrencyLimits.getOrDefault(flowId, FlowLanes.UNLIMITED);
    }

    @Override
    public void flowStopping(String flowId) {
        Engine served = engine.get();
        if (served != null && served.isClosing()) {
            // the runtime stops: finish and commit what runs before any flow stops under it
            stopConsuming();
        }
        startedFlows.remove(flowId);
        concurrencyLimits.remove(flowId);
        shared.flowStopping(flowId);
    }

    @Override
    public void stop(Duration timeout) {
        stopConsuming();
        shared.stop(timeout);
        producer.close(Duration.ofSeconds(5));
    }
}
