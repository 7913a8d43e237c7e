package dev.switchboard.runtime.store;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.compile.Endpoints;
import dev.switchboard.runtime.engine.Inbox;
import dev.switchboard.runtime.engine.RunTracker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable inbox: a push trigger's event is committed to the store (group commit) before the
 * trigger answers its caller; dispatcher threads then run it through the flow and delete it once
 * the run finished (success, filtered, dead-lettered or routed to an error port). Events still in
 * the table at start — after a crash, or replays put there by {@code dead-letters replay} — are
 * found by a poller and dispatched: at-least-once.
 */
public final class StoreInbox implements Inbox, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreInbox.class);
    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FAILED_PAUSE = Duration.ofSeconds(30);

    private final Store store;
    private final InboxWriter writer;
    private final ThreadPoolExecutor dispatchers;
    private final ScheduledExecutorService poller;
    private final Duration pollInterval;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> failedAt = new ConcurrentHashMap<>();
    private final Set<String> startedFlows = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    /** Rows up to here were handed to the dispatcher when committed; the poller looks only at those, and replays. */
    private volatile long watermark;
    private volatile ProducerTemplate producer;
    private volatile RunTracker tracker;

    public StoreInbox(Store store, int dispatcherThreads, int queueSize, Duration pollInterval) {
        this(store, dispatcherThreads, queueSize, pollInterval, InboxWriter.MAX_BATCH);
    }

    /** @param maxBatch most inserts per group commit; 1 turns group commit off (for the benchmark) */
    public StoreInbox(Store store, int dispatcherThreads, int queueSize, Duration pollInterval, int maxBatch) {
        this.store = store;
        this.pollInterval = pollInterval;
        this.writer = new InboxWriter(store, this::committed, this::deleted, maxBatch);
        AtomicInteger n = new AtomicInteger();
        this.dispatchers = new ThreadPoolExecutor(dispatcherThreads, dispatcherThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueSize), r -> {
                    Thread t = new Thread(r, "switchboard-dispatch-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-inbox-poller");
            t.setDaemon(true);
            return t;
        });
    }

    public StoreInbox(Store store) {
        this(store, 8, 10_000, Duration.ofMillis(500));
    }

    @Override
    public ProcessorDefinition<?> accept(ProcessorDefinition<?> at, String flowId, String nodeId) {
        return at.process(exchange -> commit(exchange.getIn().getBody(Event.class), flowId, nodeId));
    }

    /**
     * Commits an event for {@code nodeId} and returns its sequence number; the caller may then
     * acknowledge it. The column holds events of any size (db/migration V2): what limits them is
     * the trigger (a webhook's body limit), so nothing a trigger accepted is refused here.
     */
    long commit(Event event, String flowId, String nodeId) throws Exception {
        String json = Json.write(Json.toCloudEvent(event));
        try {
            return writer.insert(event, flowId, nodeId, json)
                    .get(ACCEPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The event could not be stored: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The store did not commit the event within " + ACCEPT_TIMEOUT, e);
        }
    }

    @Override
    public RouteDefinition dispatchFrom(RouteBuilder builder, String flowId, String nodeId) {
        return builder.from(dispatchUri(flowId, nodeId));
    }

    private static String dispatchUri(String flowId, String nodeId) {
        return "direct:sb.dispatch." + flowId + "." + nodeId;
    }

    @Override
    public void start(CamelContext camel, RunTracker runTracker) {
        this.producer = camel.createProducerTemplate();
        this.tracker = runTracker;
        this.watermark = store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM inbox"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void flowStarted(String flowId) {
        startedFlows.add(flowId);
        poller.execute(this::pollSafely);
    }

    @Override
    public void flowStopping(String flowId) {
        startedFlows.remove(flowId);
    }

    /** How many events are kept and not yet finished (tests and the CLI). */
    public int pendingCount() {
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM inbox"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    private record Pending(long seq, String flowId, String nodeId, Long replayOf, Event event) {}

    private void submit(Pending pending) {
        if (inFlight.add(pending.seq())) {
            execute(pending);
        }
    }

    /** Hands a claimed event to a dispatcher thread. */
    private void execute(Pending pending) {
        try {
            dispatchers.execute(() -> dispatch(pending));
        } catch (RejectedExecutionException full) {
            inFlight.remove(pending.seq()); // stays in the table; the poller picks it up when there is room
        }
    }

    private void dispatch(Pending pending) {
        if (stopping || !startedFlows.contains(pending.flowId())) {
            inFlight.remove(pending.seq());
            return;
        }
        Exchange exchange = new DefaultExchange(producer.getCamelContext());
        exchange.getIn().setBody(pending.event());
        String uri;
        if (pending.replayOf() != null) {
            // a replay enters the node's route directly, with no emit before it to record the entry
            tracker.begin(exchange, pending.flowId(), pending.nodeId(), pending.replayOf())
                    .entered(pending.nodeId(), pending.event());
            uri = Endpoints.nodeInput(pending.flowId(), pending.nodeId());
        } else {
            uri = dispatchUri(pending.flowId(), pending.nodeId());
        }
        Exchange result = producer.send(uri, exchange);
        if (result.getException() == null) {
            writer.done(pending.seq());
        } else {
            LOG.warn("Event {} of flow '{}' could not run and stays in the inbox: {}", pending.event().id(),
                    pending.flowId(), result.getException().toString());
            failedAt.put(pending.seq(), System.nanoTime());
            inFlight.remove(pending.seq());
        }
    }

    /**
     * On the writer thread, right after the commit: the event is dispatched from memory, and only
     * then does the poller's watermark pass it, so the poller never dispatches it a second time.
     */
    private void committed(long seq, InboxWriter.Insert insert) {
        if (startedFlows.contains(insert.flowId())) {
            submit(new Pending(seq, insert.flowId(), insert.nodeId(), null, insert.event()));
        }
        watermark = Math.max(watermark, seq);
    }

    private void deleted(long seq) {
        inFlight.remove(seq);
        failedAt.remove(seq);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("Inbox poll failed: {}", e.getMessage());
        }
    }

    /** Dispatches kept events that nobody is running: after a restart, replays, or overflow. */
    private void poll() {
        if (startedFlows.isEmpty() || producer == null) {
            return;
        }
        int room = dispatchers.getQueue().remainingCapacity();
        if (room < 16) {
            return;
        }
        int limit = inFlight.size() + Math.min(room, 2000);
        try (Connection c = store.connection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT seq, flow_id, node_id, replay_of, event FROM inbox WHERE seq <= ? OR replay_of IS NOT NULL"
                             + " ORDER BY seq FETCH FIRST ? ROWS ONLY");
             PreparedStatement kept = c.prepareStatement("SELECT 1 FROM inbox WHERE seq = ?")) {
            s.setLong(1, watermark);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong(1);
                    String flowId = r.getString(2);
                    if (inFlight.contains(seq) || !startedFlows.contains(flowId) || recentlyFailed(seq)) {
                        continue;
                    }
                    long replayOf = r.getLong(4);
                    Long replay = r.wasNull() ? null : replayOf;
                    Event event = Json.fromCloudEvent(Json.parse(r.getString(5)));
                    if (!inFlight.add(seq)) {
                        continue;
                    }
                    // the row was read before the claim: a dispatcher may have finished it and the
                    // writer deleted it since, and running it again would be a duplicate
                    if (stillKept(kept, seq)) {
                        execute(new Pending(seq, flowId, r.getString(3), replay, event));
                    } else {
                        inFlight.remove(seq);
                    }
                }
            }
        } catch (SQLException e) {
            throw new Store.StoreException("Could not read the inbox: " + e.getMessage(), e);
        }
    }

    private static boolean stillKept(PreparedStatement kept, long seq) throws SQLException {
        kept.setLong(1, seq);
        try (ResultSet r = kept.executeQuery()) {
            return r.next();
        }
    }

    private boolean recentlyFailed(long seq) {
        Long at = failedAt.get(seq);
        return at != null && System.nanoTime() - at < FAILED_PAUSE.toNanos();
    }

    @Override
    public void stop(Duration timeout) {
        stopping = true;
        poller.shutdownNow();
        dispatchers.shutdown();
        try {
            if (!dispatchers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} events were still running after {}; they stay in the inbox", inFlight.size(), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatchers.shutdownNow();
        writer.close();
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
