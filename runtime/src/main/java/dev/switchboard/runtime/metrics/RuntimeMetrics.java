package dev.switchboard.runtime.metrics;

import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.StatusBoard;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.Store;
import dev.switchboard.runtime.store.StoreStats;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyConfiguration;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's metrics in the Prometheus text format: a Micrometer registry bound to one running
 * engine (and its store). Bind it before deploying flows: Camel's route policy, which counts the
 * exchanges of each node's route, applies to the routes created after it.
 *
 * <p>Where the numbers come from (docs/operations.md lists every series):
 *
 * <ul>
 *   <li>per node, events in and the route's time: camel-micrometer's route policy, its meters named
 *       after the node ({@link NodeRouteNaming});
 *   <li>per flow, runs by outcome and run latency; per node, events out, filtered and failed: the
 *       engine's run listener ({@link RunMeters});
 *   <li>inbox depth, oldest pending event, retries waiting, dead letters: the store, sampled at
 *       most once per {@code storeSampleInterval}, on the scraping thread; connection status per
 *       node: the engine's status board, read at each scrape;
 *   <li>JVM memory, GC, threads, class loading, process CPU and uptime: Micrometer's binders.
 * </ul>
 *
 * <p>Nothing here takes a lock or runs a query on an event's path. Series carry only the tags
 * {@code flow}, {@code node} and {@code status}; a flow's series go when it is undeployed (at the
 * next scrape; its Camel route meters when its routes are removed).
 */
public final class RuntimeMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeMetrics.class);
    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    public static final Duration DEFAULT_STORE_SAMPLE_INTERVAL = Duration.ofSeconds(5);

    private final Engine engine;
    private final StoreStats store;
    private final Duration storeSampleInterval;
    private final PrometheusMeterRegistry registry;
    private final NodeRouteNaming naming = new NodeRouteNaming();
    private final MicrometerRoutePolicyFactory routePolicy;
    private final RunMeters runs;
    private final PolicyMeters policyMeters;
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

    private final MultiGauge connection;
    private final MultiGauge inboxEvents;
    private final MultiGauge inboxOldestAge;
    private final MultiGauge retriesWaiting;
    private final MultiGauge deadLetters;

    private Instant sampledAt;
    private Map<String, StoreStats.InboxStats> inboxSample = Map.of();
    private Map<String, Long> deadLetterSample = Map.of();

    private RuntimeMetrics(Engine engine, Store store, Duration storeSampleInterval) {
        this.engine = engine;
        this.store = store == null ? null : new StoreStats(store);
        this.storeSampleInterval = storeSampleInterval;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(NodeRouteNaming.DENY_INTERNAL);

        MicrometerRoutePolicyConfiguration policy = new MicrometerRoutePolicyConfiguration();
        policy.setContextEnabled(false);
        policy.setExcludePattern(NodeRouteNaming.INTERNAL_ROUTE_PATTERN);
        policy.setAdditionalCounters(true);
        policy.setExchangesTotal(true);
        policy.setExchangesFailed(true);
        policy.setExchangesSucceeded(false);
        policy.setFailuresHandled(false);
        policy.setExternalRedeliveries(false);
        policy.setLongTask(false);
        routePolicy = new MicrometerRoutePolicyFactory();
        routePolicy.setMeterRegistry(registry);
        routePolicy.setNamingStrategy(naming);
        routePolicy.setPolicyConfiguration(policy);
        routePolicy.setSkipCamelInfo(true);
        engine.camel().addRoutePolicyFactory(routePolicy);

        this.runs = new RunMeters(registry, this::deployedFlow);
        engine.addRunListener(runs);
        this.policyMeters = new PolicyMeters(registry);
        engine.policies().addListener(policyMeters);

        connection = MultiGauge.builder("switchboard.node.connection")
                .description("1 for the node's current connection status (connecting, up, down), 0 for the others")
                .register(registry);
        inboxEvents = MultiGauge.builder("switchboard.inbox.events")
                .description("Events kept in the inbox and not finished (retries included)")
                .register(registry);
        inboxOldestAge = MultiGauge.builder("switchboard.inbox.oldest.age")
                .description("Age of the oldest event in the inbox (0 when empty)")
                .baseUnit("seconds")
                .register(registry);
        retriesWaiting = MultiGauge.builder("switchboard.inbox.retries")
                .description("Events in the inbox waiting to try a failed node again")
                .register(registry);
        deadLetters = MultiGauge.builder("switchboard.dead.letters")
                .description("Dead letters kept and not replayed")
                .register(registry);

        bind(new JvmMemoryMetrics());
        bind(new JvmGcMetrics());
        bind(new JvmThreadMetrics());
        bind(new ClassLoaderMetrics());
        bind(new ProcessorMetrics());
        bind(new UptimeMetrics());
    }

    /** Metrics for a durable runtime: engine, store and JVM. Call before deploying flows. */
    public static RuntimeMetrics bind(DurableRuntime runtime) {
        return bind(runtime.engine(), runtime.store(), DEFAULT_STORE_SAMPLE_INTERVAL);
    }

    /**
     * Metrics for an engine; {@code store} null leaves out the inbox and dead-letter gauges. Call
     * before deploying flows.
     *
     * @param storeSampleInterval the store is read at most this often (the scrapes in between
     *     answer the last sample)
     */
    public static RuntimeMetrics bind(Engine engine, Store store, Duration storeSampleInterval) {
        return new RuntimeMetrics(engine, store, storeSampleInterval);
    }

    private void bind(MeterBinder binder) {
        binder.bindTo(registry);
        if (binder instanceof AutoCloseable closeable) {
            binders.add(closeable);
        }
    }

    /** The answer to {@code GET /metrics}: 200, {@link #CONTENT_TYPE}, the Prometheus text. */
    public EndpointAnswer scrape() {
        return new EndpointAnswer(200, CONTENT_TYPE, scrapeText());
    }

    /** Every series now, in the Prometheus text format. */
    public synchronized String scrapeText() {
        refresh();
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }

    /** Runs {@code refresh} on the scraping thread before each scrape: for a caller whose gauges' rows change (cluster mode's partitions). */
    public void beforeEachScrape(Runnable refresh) {
        beforeScrape.add(refresh);
    }

    /** The registry, for a caller that adds meters of its own (the admin server's, say). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private Flow deployedFlow(String flowId) {
        for (Flow flow : engine.deployedFlows()) {
            if (flow.id().equals(flowId)) {
                return flow;
            }
        }
        return null;
    }

    /** Reads what gauges show and drops the series of flows that are gone; on the scraping thread. */
    private void refresh() {
        Map<String, Flow> deployed = new LinkedHashMap<>();
        engine.deployedFlows().forEach(flow -> deployed.put(flow.id(), flow));
        Set<String> dropped = runs.sync(deployed);
        dropped.forEach(naming::forgetFlow);

        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        for (String flowId : deployed.keySet()) {
            engine.nodeStatuses(flowId).forEach((nodeId, status) -> {
                for (StatusBoard.State state : StatusBoard.State.values()) {
                    statusRows.add(MultiGauge.Row.of(
                            Tags.of(
                                    "flow", flowId,
                                    "node", nodeId,
                                    "status", state.name().toLowerCase(Locale.ROOT)),
                            status.state() == state ? 1 : 0));
                }
            });
        }
        connection.register(statusRows, true);

        if (store != null) {
            sampleStore(deployed.keySet());
            Instant now = Instant.now();
            List<MultiGauge.Row<?>> depth = new ArrayList<>();
            List<MultiGauge.Row<?>> age = new ArrayList<>();
            List<MultiGauge.Row<?>> retries = new ArrayList<>();
            List<MultiGauge.Row<?>> dead = new ArrayList<>();
            for (String flowId : deployed.keySet()) {
                Tags flow = Tags.of("flow", flowId);
                StoreStats.InboxStats inbox = inboxSample.get(flowId);
                if (inbox != null) {
                    depth.add(MultiGauge.Row.of(flow, inbox.pending()));
                    retries.add(MultiGauge.Row.of(flow, inbox.retriesWaiting()));
                    double seconds = inbox.oldestAcceptedAt() == null
                            ? 0
                            : Math.max(
                                    0,
                                    Duration.between(inbox.oldestAcceptedAt(), now)
                                                    .toMillis()
                                            / 1000.0);
                    age.add(MultiGauge.Row.of(flow, seconds));
                }
                dead.add(MultiGauge.Row.of(flow, deadLetterSample.getOrDefault(flowId, 0L)));
            }
            inboxEvents.register(depth, true);
            inboxOldestAge.register(age, true);
            retriesWaiting.register(retries, true);
            deadLetters.register(dead, true);
        }
    }

    private void sampleStore(Collection<String> flowIds) {
        Instant now = Instant.now();
        boolean newFlow = !inboxSample.keySet().containsAll(flowIds);
        if (sampledAt != null && !newFlow && Duration.between(sampledAt, now).compareTo(storeSampleInterval) < 0) {
            return;
        }
        try {
            inboxSample = store.inbox(flowIds);
            deadLetterSample = store.deadLetters();
            sampledAt = now;
        } catch (RuntimeException e) {
            // the store is down: the gauges keep their last sample, readiness says why
            LOG.debug("Could not sample the store for metrics: {}", e.getMessage());
        }
    }

    /**
     * Stops collecting: the run listener is removed and the registry closed. Routes created
     * meanwhile keep Camel's route policy until the flow is redeployed (it counts into a closed
     * registry, which nobody reads).
     */
    @Override
    public synchronized void close() {
        engine.removeRunListener(runs);
        engine.policies().removeListener(policyMeters);
        policyMeters.removeAll();
        try {
            engine.camel().getRoutePolicyFactories().remove(routePolicy);
        } catch (UnsupportedOperationException e) {
            LOG.debug("Camel's route policy stays on the context: {}", e.getMessage());
        }
        runs.removeAll();
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                LOG.debug("A metrics binder did not close cleanly: {}", e.getMessage());
            }
        }
        registry.close();
    }
}
