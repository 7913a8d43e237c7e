package dev.switchboard.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes runs (and their steps) beyond the age and count limits, replayed dead letters, and
 * expired dedupe keys. Runs go in transactions of at most {@link #BATCH}: under steady load the
 * count limit frees a minute's worth of runs at once, and one transaction that large would hold
 * up the inbox's commits (the acknowledgements of new events) while it is written out.
 */
final class Retention {
    static final int BATCH = 2000;

    private final HistoryOptions options;

    Retention(HistoryOptions options) {
        this.options = options;
    }

    /** Applies the limits as of {@code now}; returns how many runs were removed. */
    int apply(Store store, Instant now) {
        Timestamp oldest = Timestamp.from(now.minus(options.maxAge()));
        Timestamp cutoff = store.inTransaction(this::countCutoff);
        Timestamp last = cutoff == null ? new Timestamp(0) : cutoff;
        int removed = 0;
        int batch;
        do {
            batch = store.inTransaction(c -> removeSome(c, oldest, last));
            removed += batch;
        } while (batch == BATCH);
        store.inTransaction(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM dead_letters WHERE state = 'REPLAYED' AND replayed_at < ?")) {
                s.setTimestamp(1, oldest);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM dedupe_keys WHERE expires_at < ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.executeUpdate();
            }
            return null;
        });
        return removed;
    }

    /** The start time at and before which runs are beyond the count limit, or null when there are not that many. */
    private Timestamp countCutoff(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT started_at FROM runs ORDER BY started_at DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")) {
            s.setLong(1, options.maxRuns());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getTimestamp(1) : null;
            }
        }
    }

    /** Removes up to {@link #BATCH} runs started before {@code oldest} or at or before {@code last}, with their steps. */
    private static int removeSome(Connection c, Timestamp oldest, Timestamp last) throws SQLException {
        List<String> ids = new ArrayList<>(BATCH);
        try (PreparedStatement s = c.prepareStatement("SELECT run_id FROM runs WHERE started_at < ? OR started_at <= ?"
                + " FETCH FIRST " + BATCH + " ROWS ONLY")) {
            s.setTimestamp(1, oldest);
            s.setTimestamp(2, last);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        // the steps by run_steps' key (run_id first), not a scan of every step
        try (PreparedStatement steps = c.prepareStatement("DELETE FROM run_steps WHERE run_id = ?");
                PreparedStatement runs = c.prepareStatement("DELETE FROM runs WHERE run_id = ?")) {
            for (String id : ids) {
                steps.setString(1, id);
                steps.addBatch();
                runs.setString(1, id);
                runs.addBatch();
            }
            steps.executeBatch();
            runs.executeBatch();
        }
        return ids.size();
    }
}
