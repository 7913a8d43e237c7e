package dev.switchboard.runtime.store;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.runtime.engine.Inbox;
import dev.switchboard.runtime.engine.NodeEntry;
import dev.switchboard.runtime.engine.RetryRequest;
import dev.switchboard.runtime.engine.RunTracker;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * the run finished (success, filtered, dead-lettered, retry scheduled or routed to an error port).
 * A retry is a row too: addressed to the node that failed, due at a time, committed before the
 * failed run counts as finished. Rows still in the table at start — after a crash, replays put
 * there by {@code dead-letters replay}, retries — are found by a poller: at-least-once.
 *
 * <p>Claims: on H2 (one runtime per store, {@link StoreOwnership}) a row is claimed in memory and
 * its "done" delete rides along with the writer's next group commit. On PostgreSQL several runtimes
 * may share the inbox: a dispatcher claims a row by locking it ({@code FOR UPDATE SKIP LOCKED}) for
 * as long as the event runs and deletes it in that transaction, and the poller sees only rows
 * nobody has locked (decision 7).
 *
 * <p>Dispatch is fair across flows ({@link FairDispatcher}): each flow runs at most its
 * concurrency of events at once, so a flow whose target is slow cannot take every thread.
 */
public final class StoreInbox implements Inbox, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreInbox.class);
    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_DISPATCHERS = 8;
    private static final int LANE_CAPACITY = 2_000;

    private final Store store;
    private final InboxWriter writer;
    private final FairDispatcher<PendingEvent> dispatcher;
    private final InboxPoller poller;
    /** Rows handed to the dispatcher and not finished (queued or running), and those that failed lately. */
    private final InboxClaims claims = new InboxClaims();

    private final Set<String> startedFlows = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    private volatile ProducerTemplate producer;
    private volatile RunTracker tracker;

    public StoreInbox(Store store, int dispatcherThreads, Duration pollInterval) {
        this(store, dispatcherThreads, pollInterval, InboxWriter.MAX_BATCH);
    }

    /** @param maxBatch most inserts per group commit; 1 turns group commit off (for the benchmark) */
    public StoreInbox(Store store, int dispatcherThreads, Duration pollInterval, int maxBatch) {
        this.store = store;
        this.writer = new InboxWriter(store, this::committed, claims::finished, maxBatch);
        this.dispatcher =
                new FairDispatcher<>("switchboard-dispatch", dispatcherThreads, LANE_CAPACITY, this::dispatch);
        this.poller = new InboxPoller(store, claims, startedFlows, dispatcher::room, this::queue, pollInterval);
    }

    public StoreInbox(Store store) {
        this(store, DEFAULT_DISPATCHERS, Duration.ofMillis(500));
    }

    /**
     * How many of one flow's events run at once when the flow does not say: all threads but two, so
     * one flow with a slow target leaves room for the others.
     */
    @Override
    public int defaultConcurrency() {
        return Math.max(1, dispatcher.threadCount() - 2);
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
    public long commit(Event event, String flowId, String nodeId) throws Exception {
        String json = eventJson(event);
        return committedWithin(writer.insert(event, flowId, nodeId, json), "event");
    }

    @Override
    public void retryLater(RetryRequest retry) {
        String json = eventJson(retry.input());
        try {
            committedWithin(
                    writer.insertRetry(
                            retry.input(),
                            retry.flowId(),
                            retry.nodeId(),
                            json,
                            retry.attempt(),
                            retry.dueAt(),
                            retry.failedRunId()),
                    "retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "Interrupted while keeping the retry of event "
                            + retry.input().id(),
                    e);
        }
    }

    private String eventJson(Event event) {
        return store.events().write(event);
    }

    private static long committedWithin(CompletableFuture<Long> seq, String what) throws InterruptedException {
        try {
            return seq.get(ACCEPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "The " + what + " could not be stored: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The store did not commit the " + what + " within " + ACCEPT_TIMEOUT, e);
        }
    }

    @Override
    public RouteDefinition dispatchFrom(RouteBuilder builder, String flowId, String nodeId) {
        return builder.from(dispatchUri(flowId, nodeId));
    }

    /** The route an accepted event of {@code nodeId} runs from (its flow's dispatch route). */
    public static String dispatchUri(String flowId, String nodeId) {
        return "direct:sb.dispatch." + flowId + "." + nodeId;
    }

    @Override
    public void start(CamelContext camel, RunTracker runTracker) {
        this.producer = camel.createProducerTemplate();
        this.tracker = runTracker;
        poller.start();
    }

    @Override
    public void flowStarted(String flowId, int concurrency) {
        dispatcher.open(flowId, concurrency);
        startedFlows.add(flowId);
        poller.pollSoon();
    }

    @Override
    public void flowStopping(String flowId) {
        startedFlows.remove(flowId);
        dispatcher.close(flowId).forEach(this::release);
    }

    /** How many events are kept and not yet finished, retries included (tests and the CLI). */
    public int pendingCount() {
        return InboxRows.pendingCount(store);
    }

    /** How many of the kept events wait to try a failed node again. */
    public int retryCount() {
        return InboxRows.retryCount(store);
    }

    /** Claims a row and queues it on its flow's lane. */
    private void submit(PendingEvent pending) {
        if (claims.claim(pending.seq())) {
            queue(pending);
        }
    }

    /** Queues a claimed row on its flow's lane; a full lane leaves it for the poller. */
    private void queue(PendingEvent pending) {
        if (!dispatcher.offer(pending.flowId(), pending)) {
            release(pending);
        }
    }

    private void release(PendingEvent pending) {
        claims.release(pending.seq());
    }

    private void dispatch(PendingEvent pending) {
        if (stopping || !startedFlows.contains(pending.flowId())) {
            release(pending);
            return;
        }
        if (store.dialect().sharedInbox()) {
            dispatchClaimed(pending);
            return;
        }
        try {
            if (run(pending)) {
                writer.done(pending.seq());
            }
        } catch (RuntimeException e) {
            keepForLater(pending, e);
        }
    }

    /**
     * A store several runtimes share (PostgreSQL): the row is claimed by locking it for as long as
     * the event runs, and deleted in the same transaction. A row another runtime has locked is
     * skipped (that one runs it); a row already gone was finished by someone. The lock ends with
     * the transaction — at the commit, or when a runtime that dies loses its connection — so a
     * crashed runtime's events are free for the others at once, and no two runtimes run one event
     * at the same time, nor one again after another finished it.
     */
    private void dispatchClaimed(PendingEvent pending) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            if (!InboxRows.lock(c, pending.seq())) {
                c.rollback();
                release(pending);
                return;
            }
            boolean done;
            try {
                done = run(pending);
            } catch (RuntimeException e) {
                c.rollback();
                keepForLater(pending, e);
                return;
            }
            if (done) {
                InboxRows.delete(c, pending.seq());
            }
            c.commit();
            if (done) {
                claims.finished(pending.seq());
            }
        } catch (SQLException e) {
            // the run (if it ran) is not marked done: the event runs again, at-least-once
            keepForLater(pending, e);
        }
    }

    /** Runs a claimed row; true when it is finished and its row is to be deleted. */
    private boolean run(PendingEvent pending) {
        Exchange result;
        if (pending.entersAtNode()) {
            if (!NodeEntry.exists(producer, pending.flowId(), pending.nodeId())) {
                nodeGone(pending);
                return true;
            }
            result = NodeEntry.run(
                    producer,
                    tracker,
                    pending.flowId(),
                    pending.nodeId(),
                    pending.event(),
                    pending.replayOf(),
                    pending.parentRunId(),
                    pending.attempt());
        } else {
            Exchange exchange = new DefaultExchange(producer.getCamelContext());
            exchange.getIn().setBody(pending.event());
            result = producer.send(dispatchUri(pending.flowId(), pending.nodeId()), exchange);
        }
        if (result.getException() == null) {
            return true;
        }
        keepForLater(pending, result.getException());
        return false;
    }

    /** A run that could not finish (the store failed under it, say): the event stays, tried again after a pause. */
    private void keepForLater(PendingEvent pending, Exception failure) {
        LOG.warn(
                "Event {} of flow '{}' could not run and stays in the inbox: {}",
                pending.event().id(),
                pending.flowId(),
                failure.toString());
        claims.failed(pending.seq());
    }

    /** A retry or replay whose node a new version of the flow no longer has: kept as a dead letter, not lost. */
    private void nodeGone(PendingEvent pending) {
        String error = "Node '" + pending.nodeId() + "' is no longer in flow '" + pending.flowId()
                + "' (the flow was changed while the event waited to run from it)";
        LOG.warn("Event {}: {}; it is kept as a dead letter", pending.event().id(), error);
        new DeadLetterStore(store)
                .deadLetter(
                        pending.flowId(),
                        pending.nodeId(),
                        pending.parentRunId(),
                        pending.event(),
                        error,
                        Math.max(1, pending.attempt() - 1));
    }

    /**
     * On the writer thread, right after the commit: an accepted event is dispatched from memory,
     * and only then does the poller's watermark pass it, so the poller never dispatches it a
     * second time. A retry waits for its time.
     */
    private void committed(long seq, InboxWriter.Insert insert) {
        PendingEvent pending = new PendingEvent(
                seq,
                insert.flowId(),
                insert.nodeId(),
                null,
                insert.attempt(),
                insert.dueAt(),
                insert.parentRunId(),
                insert.event());
        if (insert.dueAt() == null) {
            submitIfStarted(pending);
        } else if (!stopping) {
            poller.at(insert.dueAt(), seq, () -> submitIfStarted(pending));
        }
        poller.passed(seq);
    }

    private void submitIfStarted(PendingEvent pending) {
        if (!stopping && startedFlows.contains(pending.flowId())) {
            submit(pending);
        }
    }

    /**
     * Stops dispatching: queued events stay in the table, running ones may finish within
     * {@code timeout}; then every finished event's delete and every retry is committed before the
     * writer stops, so nothing that finished runs again after a restart.
     */
    @Override
    public void stop(Duration timeout) {
        stopping = true;
        poller.stop(timeout);
        FairDispatcher.Stopped<PendingEvent> stopped = dispatcher.stop(timeout);
        stopped.dropped().forEach(this::release);
        if (stopped.stillRunning() > 0) {
            LOG.warn(
                    "{} events were still running after {}; they stay in the inbox and run again at the next start",
                    stopped.stillRunning(),
                    timeout);
        }
        writer.close();
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
