package dev.switchboard.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox's one timer thread: finds the kept events of each started flow that nobody is running
 * — after a restart, replays, due retries, what did not fit its lane — claims and queues them; and
 * holds each retry until its time. Events committed while the runtime runs are dispatched from
 * memory; the watermark says up to where, so the poller never dispatches one of them a second time.
 */
final class InboxPoller {
    private static final Logger LOG = LoggerFactory.getLogger(InboxPoller.class);
    /** How long a stop waits at least for a poll in progress (a read of the inbox: milliseconds). */
    private static final Duration POLLER_STOP = Duration.ofSeconds(5);
    /** A flow's lane with less room than this is not worth a read. */
    private static final int MIN_ROOM = 16;

    private final Store store;
    private final InboxClaims claims;
    private final Set<String> startedFlows;
    private final ToIntFunction<String> room;
    private final Consumer<PendingEvent> queue;
    private final Duration interval;
    private final ScheduledThreadPoolExecutor timers;
    private volatile boolean started;
    private volatile boolean stopping;
    /** Rows up to here were handed to the dispatcher when committed; polls look only at those, replays and retries. */
    private volatile long watermark;

    /**
     * @param room how many more events a flow's lane takes
     * @param queue queues a claimed row on its flow's lane (or releases it when the lane is full)
     */
    InboxPoller(
            Store store,
            InboxClaims claims,
            Set<String> startedFlows,
            ToIntFunction<String> room,
            Consumer<PendingEvent> queue,
            Duration interval) {
        this.store = store;
        this.claims = claims;
        this.startedFlows = startedFlows;
        this.room = room;
        this.queue = queue;
        this.interval = interval;
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "switchboard-inbox-poller");
            t.setDaemon(true);
            return t;
        });
        // a stop lets what runs finish and forgets what waits (retries stay in the table): see stop()
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timers.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /** Polls every interval from now on; what the inbox holds now is the poller's to find. */
    void start() {
        watermark = InboxRows.lastSeq(store);
        started = true;
        long millis = interval.toMillis();
        timers.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Polls once soon (a flow started). */
    void pollSoon() {
        timers.execute(this::pollSafely);
    }

    /** Row {@code seq} was handed to the dispatcher when committed (or waits for its time): polls leave it alone. */
    void passed(long seq) {
        watermark = Math.max(watermark, seq);
    }

    /** Runs {@code task} at {@code dueAt}, unless the inbox stops first (the row stays for the next start). */
    void at(Instant dueAt, long seq, Runnable task) {
        if (stopping) {
            return;
        }
        long delay = Math.max(0, Duration.between(Instant.now(), dueAt).toMillis());
        try {
            timers.schedule(task, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Retry {} is kept for the next start: the inbox is stopping", seq);
        }
    }

    private void pollSafely() {
        try {
            for (String flowId : startedFlows) {
                poll(flowId);
            }
        } catch (RuntimeException e) {
            LOG.warn("Inbox poll failed: {}", e.getMessage());
        }
    }

    /** Each flow is read on its own, so one flow's backlog does not hide another's. */
    private void poll(String flowId) {
        int free = room.applyAsInt(flowId);
        if (stopping || !started || free < MIN_ROOM) {
            return;
        }
        boolean shared = store.dialect().sharedInbox();
        try (Connection c = store.connection();
                PreparedStatement s =
                        InboxRows.selectDue(c, flowId, watermark, shared, claims.size() + Math.min(free, 2000));
                PreparedStatement kept = InboxRows.selectKept(c);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long seq = r.getLong(1);
                if (claims.isClaimed(seq) || claims.recentlyFailed(seq)) {
                    continue;
                }
                PendingEvent pending = InboxRows.pending(r, flowId, store.events());
                if (!claims.claim(seq)) {
                    continue;
                }
                // the row was read before the claim: a dispatcher may have finished it and the
                // writer deleted it since, and running it again would be a duplicate
                if (InboxRows.stillKept(kept, seq)) {
                    queue.accept(pending);
                } else {
                    claims.release(seq);
                }
            }
        } catch (SQLException e) {
            throw new Store.StoreException("Could not read the inbox: " + e.getMessage(), e);
        }
    }

    /** No more polls or retry timers; waits for a poll in progress, never interrupting it. */
    void stop(Duration timeout) {
        stopping = true;
        // never interrupt the poller: an interrupt during a read closes H2's file channel, and the store with it
        timers.shutdown();
        try {
            if (!timers.awaitTermination(Math.max(timeout.toMillis(), POLLER_STOP.toMillis()), TimeUnit.MILLISECONDS)) {
                LOG.warn("The inbox poller did not finish its last read within {}", POLLER_STOP);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
