package dev.switchboard.runtime.store;

import dev.switchboard.connector.spi.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the inbox: one writer thread takes every insert waiting at that moment, plus
 * the "done" deletes of finished events, and commits them in one transaction. Each caller waits
 * for its own batch's commit, so a burst of concurrent webhooks costs one disk write, not one each.
 */
final class InboxWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);
    static final int MAX_BATCH = 1000;
    private static final String INSERT = "INSERT INTO inbox (event_id, flow_id, node_id, replay_of, event, accepted_at,"
            + " attempt, due_at, parent_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * A row to insert: an event a trigger accepted ({@code dueAt} null), or a retry of the node
     * {@code nodeId} due at {@code dueAt} as its {@code attempt}-th try.
     */
    record Insert(
            Event event,
            String flowId,
            String nodeId,
            String json,
            int attempt,
            Instant dueAt,
            String parentRunId,
            CompletableFuture<Long> seq) {}

    /** Told about each committed insert on the writer thread, before its caller is answered. */
    interface Committed {
        void committed(long seq, Insert insert);
    }

    private final Store store;
    private final BlockingQueue<Insert> inserts = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> done = new LinkedBlockingQueue<>();
    private final LongConsumer afterDelete;
    private final Committed onCommit;
    private final Thread thread;
    private final int maxBatch;
    private volatile boolean running = true;

    InboxWriter(Store store, Committed onCommit, LongConsumer afterDelete, int maxBatch) {
        this.store = store;
        this.onCommit = onCommit;
        this.maxBatch = maxBatch;
        this.afterDelete = afterDelete;
        this.thread = new Thread(this::loop, "switchboard-inbox-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an accepted event; the future completes with the row's sequence number once it is committed. */
    CompletableFuture<Long> insert(Event event, String flowId, String nodeId, String json) {
        return queue(new Insert(event, flowId, nodeId, json, 1, null, null, new CompletableFuture<>()));
    }

    /** Queues a retry; the future completes once it is committed. */
    CompletableFuture<Long> insertRetry(
            Event event, String flowId, String nodeId, String json, int attempt, Instant dueAt, String parentRunId) {
        return queue(new Insert(event, flowId, nodeId, json, attempt, dueAt, parentRunId, new CompletableFuture<>()));
    }

    private CompletableFuture<Long> queue(Insert insert) {
        if (!running) {
            insert.seq().completeExceptionally(new IllegalStateException("The inbox is closed"));
            return insert.seq();
        }
        inserts.add(insert);
        return insert.seq();
    }

    /** Marks an event done; the delete rides along with the next commit. */
    void done(long seq) {
        done.add(seq);
    }

    private void loop() {
        List<Insert> batch = new ArrayList<>();
        List<Long> finished = new ArrayList<>();
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            while (running || !inserts.isEmpty() || !done.isEmpty()) {
                Insert first = inserts.poll(20, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                }
                inserts.drainTo(batch, maxBatch - batch.size());
                done.drainTo(finished, maxBatch * 4);
                if (batch.isEmpty() && finished.isEmpty()) {
                    continue;
                }
                write(c, batch, finished);
                batch.clear();
                finished.clear();
            }
        } catch (SQLException e) {
            LOG.error("The inbox writer lost its connection; accepting events fails until restart", e);
            failAll(batch, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            failAll(new ArrayList<>(inserts), new IllegalStateException("The inbox is closed"));
        }
    }

    private void write(Connection c, List<Insert> batch, List<Long> finished) throws SQLException {
        List<Long> seqs = new ArrayList<>(batch.size());
        try {
            if (!batch.isEmpty()) {
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement insert =
                        c.prepareStatement(INSERT, new String[] {store.dialect().seqColumn()})) {
                    for (Insert i : batch) {
                        insert.setString(1, i.event().id());
                        insert.setString(2, i.flowId());
                        insert.setString(3, i.nodeId());
                        insert.setNull(4, Types.BIGINT);
                        insert.setString(5, i.json());
                        insert.setTimestamp(6, now);
                        insert.setInt(7, i.attempt());
                        insert.setTimestamp(8, i.dueAt() == null ? null : Timestamp.from(i.dueAt()));
                        insert.setString(9, i.parentRunId());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        while (keys.next()) {
                            seqs.add(keys.getLong(1));
                        }
                    }
                }
            }
            if (!finished.isEmpty()) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM inbox WHERE seq = ?")) {
                    for (long seq : finished) {
                        delete.setLong(1, seq);
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            LOG.warn("Inbox batch of {} inserts failed: {}", batch.size(), e.getMessage());
            failAll(batch, e);
            finished.forEach(done::add);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                onCommit.committed(seqs.get(i), batch.get(i));
            } catch (RuntimeException e) {
                // the row is committed whatever its listener does: the poller dispatches it; the writer must go on
                LOG.warn("After committing inbox row {}: {}", seqs.get(i), e.toString());
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).seq().complete(seqs.get(i));
        }
        finished.forEach(afterDelete::accept);
    }

    private static void failAll(List<Insert> batch, Exception e) {
        batch.forEach(i -> i.seq().completeExceptionally(e));
    }

    /** Commits what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
