package dev.switchboard.runtime.store;

import dev.switchboard.runtime.policy.EventsAtRest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The statements {@link StoreInbox} reads and claims the {@code inbox} table with (inserts: {@link InboxWriter}). */
final class InboxRows {
    private InboxRows() {}

    /** The newest row's sequence number, 0 for an empty inbox. */
    static long lastSeq(Store store) {
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM inbox");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** Every kept row, retries included. */
    static int pendingCount(Store store) {
        return count(store, "SELECT COUNT(*) FROM inbox");
    }

    /** The kept rows that wait to try a failed node again. */
    static int retryCount(Store store) {
        return count(store, "SELECT COUNT(*) FROM inbox WHERE due_at IS NOT NULL");
    }

    private static int count(Store store, String sql) {
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql);
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    /**
     * Locks the row for the rest of {@code c}'s transaction (a shared inbox on PostgreSQL); false when
     * another runtime holds it or it is gone.
     */
    static boolean lock(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq FROM inbox WHERE seq = ? FOR UPDATE SKIP LOCKED")) {
            s.setLong(1, seq);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    static void delete(Connection c, long seq) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM inbox WHERE seq = ?")) {
            delete.setLong(1, seq);
            delete.executeUpdate();
        }
    }

    /**
     * A flow's rows that may run now, oldest first: those up to {@code watermark} (the rest were
     * handed to the dispatcher when committed), replays and due retries. {@code shared}: every row,
     * skipping those another runtime has locked. Columns as {@link #pending} reads them.
     */
    static PreparedStatement selectDue(Connection c, String flowId, long watermark, boolean shared, int limit)
            throws SQLException {
        PreparedStatement s = c.prepareStatement(
                "SELECT seq, node_id, replay_of, attempt, due_at, parent_run_id, event FROM inbox WHERE flow_id = ?"
                        + " AND (seq <= ? OR replay_of IS NOT NULL OR due_at IS NOT NULL) AND (due_at IS NULL OR due_at <= ?)"
                        + " ORDER BY seq FETCH FIRST ? ROWS ONLY" + (shared ? " FOR UPDATE SKIP LOCKED" : ""));
        try {
            s.setString(1, flowId);
            // shared: other runtimes' rows are above this one's watermark; rows another runtime runs are locked,
            // skipped
            s.setLong(2, shared ? Long.MAX_VALUE : watermark);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.setInt(4, limit);
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    /** The current row of {@link #selectDue}'s result, its event read back from the store's form. */
    static PendingEvent pending(ResultSet r, String flowId, EventsAtRest events) throws SQLException {
        long replayOf = r.getLong(3);
        Long replay = r.wasNull() ? null : replayOf;
        Timestamp due = r.getTimestamp(5);
        return new PendingEvent(
                r.getLong(1),
                flowId,
                r.getString(2),
                replay,
                r.getInt(4),
                due == null ? null : due.toInstant(),
                r.getString(6),
                events.read(r.getString(7)));
    }

    /** For {@link #stillKept}: one statement re-used for every row of a poll. */
    static PreparedStatement selectKept(Connection c) throws SQLException {
        return c.prepareStatement("SELECT 1 FROM inbox WHERE seq = ?");
    }

    static boolean stillKept(PreparedStatement kept, long seq) throws SQLException {
        kept.setLong(1, seq);
        try (ResultSet r = kept.executeQuery()) {
            return r.next();
        }
    }
}
