package dev.switchboard.runtime.store;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.engine.RunListener;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.StepRecord;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowSettings;
import dev.switchboard.runtime.model.HistoryLevel;
import dev.switchboard.runtime.secrets.SecretMask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes run history and lineage off the flows' threads: finished runs go into a bounded queue
 * (a full queue drops the record and counts it; a flow never waits for the database) and one
 * writer thread stores them in batches, snapshots serialized, secret values masked and truncated.
 * The same thread applies retention (by age and by count) once a minute.
 *
 * <p>How much of a run is written follows its flow's {@link HistoryLevel} ({@code settings.history},
 * else {@link HistoryOptions#level()}): a run of an {@code off} flow is not even queued; snapshots are
 * made (serialized, masked, cut) only for the runs whose level keeps them, once the run's outcome is
 * known — until then a run holds references to its (immutable) events, nothing more.
 */
public final class HistoryWriter implements RunListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);
    private static final int BATCH = 1000;
    /** The least time between two commits of history while runs keep coming (see gatherUntilDue). */
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);

    private static final String TRUNCATED = "…(truncated)";
    /** The size of the run_steps input/output columns (db/migration V1). */
    static final int MAX_SNAPSHOT_CHARS = 1_000_000;

    private final Store store;
    private final SecretMask mask;
    private final HistoryOptions options;
    private final BlockingQueue<Pending> queue;
    /** The deployed flow of an id, or null: where a flow's own {@code settings.history} is read. */
    private final Function<String, Flow> flows;
    /** Each flow's level, read once per deployed version of the flow (and kept after it stops, for its last runs). */
    private final Map<String, FlowLevel> levels = new ConcurrentHashMap<>();

    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    /** Set when shutdown stopped waiting: the writer must stop before the store closes under it. */
    private volatile boolean abandoned;

    private long lastRetention;
    private long lastCommit = System.nanoTime();

    /** A writer that keeps every run at {@link HistoryOptions#level()}. */
    public HistoryWriter(Store store, SecretMask mask, HistoryOptions options) {
        this(store, mask, options, flowId -> null);
    }

    /**
     * @param flows the deployed flow of an id, or null when none is (read on the flows' threads:
     *     keep it a map look-up)
     */
    public HistoryWriter(Store store, SecretMask mask, HistoryOptions options, Function<String, Flow> flows) {
        this.store = store;
        this.flows = flows;
        this.mask = mask;
        this.options = options;
        this.queue = new ArrayBlockingQueue<>(options.queueSize());
        this.thread = new Thread(this::loop, "switchboard-history-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void onRunFinished(RunRecord run) {
        HistoryLevel level = levelOf(run.flowId());
        if (!level.keepsRuns()) {
            return;
        }
        if (queue.offer(new Pending(run, level))) {
            offered.incrementAndGet();
        } else if (dropped.incrementAndGet() % 1000 == 1) {
            LOG.warn("Run history is behind; {} run records dropped so far", dropped.get());
        }
    }

    /** How much history is kept of {@code flowId}'s runs: its own setting, else the runtime's level. */
    public HistoryLevel levelOf(String flowId) {
        if (options.levelForEveryFlow() || flowId == null) {
            return options.level();
        }
        Flow flow = flows.apply(flowId);
        FlowLevel known = levels.get(flowId);
        if (flow == null) {
            return known == null ? options.level() : known.level();
        }
        if (known == null || known.flow() != flow) {
            known = new FlowLevel(flow, new FlowSettings(flow).history().orElse(options.level()));
            levels.put(flowId, known);
        }
        return known.level();
    }

    private record FlowLevel(Flow flow, HistoryLevel level) {}

    /** A finished run and the level it is written at. */
    private record Pending(RunRecord run, HistoryLevel level) {}

    /**
     * Whether a node failed in a run of this status: it failed, was dead-lettered, or waits to try
     * the node again ({@link HistoryLevel#ERRORS} keeps these runs' snapshots).
     */
    public static boolean nodeFailed(String status) {
        return status.equals(RunRecord.RunStatus.FAILED.name())
                || status.equals(RunRecord.RunStatus.DEAD_LETTERED.name())
                || status.equals(RunRecord.RunStatus.RETRYING.name());
    }

    public long droppedCount() {
        return dropped.get();
    }

    /** Waits until every run offered so far is stored (tests, shutdown). */
    public boolean awaitWritten(Duration timeout) {
        long target = offered.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (written.get() < target && System.nanoTime() < deadline && thread.isAlive()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return written.get() >= target;
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while ((running || !queue.isEmpty()) && !abandoned) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    gatherUntilDue(batch);
                    store.inTransaction(c -> {
                        write(c, batch);
                        return null;
                    });
                    lastCommit = System.nanoTime();
                    written.addAndGet(batch.size());
                    batch.clear();
                }
                retainIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not store {} run records: {}", batch.size(), e.getMessage());
                written.addAndGet(batch.size());
                batch.clear();
            }
        }
    }

    /**
     * Adds what else waits, and keeps gathering until {@link #COMMIT_INTERVAL} has passed since the
     * last commit or a batch is full: each commit rewrites the store's changed pages (H2 writes them
     * out at every commit), so a few large commits cost far less than many small ones. History is a
     * record, not a delivery guarantee: a run may wait this long to appear in {@code runs}.
     */
    private void gatherUntilDue(List<Pending> batch) throws InterruptedException {
        queue.drainTo(batch, BATCH - batch.size());
        long due = lastCommit + COMMIT_INTERVAL.toNanos();
        while (batch.size() < BATCH && running) {
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                return;
            }
            Pending next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, BATCH - batch.size());
        }
    }

    private void write(Connection c, List<Pending> runs) throws SQLException {
        try (PreparedStatement run = c.prepareStatement(
                        "INSERT INTO runs (run_id, event_id, flow_id, trigger_node, status, started_at, duration_us,"
                                + " ended_at, error, parent_run_id, replay_of, history, steps)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement step =
                        c.prepareStatement("INSERT INTO run_steps (run_id, step_no, node_id, port, at, input,"
                                + " output, error, warning, policies) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending pending : runs) {
                RunRecord r = pending.run();
                if (r.runId() == null) {
                    continue;
                }
                boolean snapshots =
                        pending.level().keepsSnapshots(nodeFailed(r.status().name()));
                run.setString(1, r.runId());
                run.setString(2, r.eventId());
                run.setString(3, r.flowId());
                run.setString(4, r.triggerNodeId());
                run.setString(5, r.status().name());
                run.setTimestamp(6, Timestamp.from(r.startedAt()));
                run.setLong(7, r.durationNanos() / 1000);
                run.setString(8, r.endedAt());
                run.setString(9, clip(mask.mask(r.error()), 4000));
                run.setString(10, r.parentRunId());
                run.setObject(11, r.replayOf());
                run.setString(12, pending.level().id());
                // without snapshots the path is one column of the run's own row, not a row per node
                run.setString(13, snapshots ? null : CompactSteps.write(r.steps(), e -> clip(mask.mask(e), 4000)));
                run.addBatch();
                if (!snapshots) {
                    continue;
                }
                int n = 0;
                for (StepRecord s : r.steps()) {
                    step.setString(1, r.runId());
                    step.setInt(2, n++);
                    step.setString(3, s.nodeId());
                    step.setString(4, s.port());
                    step.setTimestamp(5, Timestamp.from(s.at()));
                    step.setString(6, snapshot(s.input()));
                    step.setString(7, snapshot(s.output()));
                    step.setString(8, clip(mask.mask(s.error()), 4000));
                    step.setString(9, clip(mask.mask(s.warning()), 4000));
                    step.setString(10, s.policies().isEmpty() ? null : clip(String.join("\n", s.policies()), 4000));
                    step.addBatch();
                }
            }
            run.executeBatch();
            step.executeBatch();
        }
    }

    private String snapshot(Event event) {
        if (event == null) {
            return null;
        }
        return clip(
                mask.mask(Json.write(Json.toCloudEvent(event))),
                Math.min(options.maxSnapshotChars(), MAX_SNAPSHOT_CHARS));
    }

    private static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - TRUNCATED.length())) + TRUNCATED;
    }

    private void retainIfDue() {
        long now = System.nanoTime();
        if (lastRetention != 0
                && now - lastRetention < options.retentionInterval().toNanos()) {
            return;
        }
        lastRetention = now;
        int removed = new Retention(options).apply(store, Instant.now());
        if (removed > 0) {
            LOG.info("Retention removed {} old runs", removed);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
            if (thread.isAlive()) {
                // still behind after the wait: stop now rather than write into a closing store
                abandoned = true;
                thread.join(5_000);
                int left = queue.size();
                dropped.addAndGet(left);
                LOG.warn("Run history: {} run records were not stored before shutdown", left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
