package dev.switchboard.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Removes runs (and their steps) beyond the age and count limits, replayed dead letters, and expired dedupe keys. */
final class Retention {
    private final HistoryOptions options;

    Retention(HistoryOptions options) {
        this.options = options;
    }

    int apply(Connection c, Instant now) throws SQLException {
        Timestamp oldest = Timestamp.from(now.minus(options.maxAge()));
        Timestamp cutoff = null;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT started_at FROM runs ORDER BY started_at DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")) {
            s.setLong(1, options.maxRuns());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    cutoff = r.getTimestamp(1);
                }
            }
        }
        Timestamp last = cutoff == null ? new Timestamp(0) : cutoff;
        // the steps of the runs going first, found by run through run_steps' key: no scan of every step
        try (PreparedStatement s = c.prepareStatement("DELETE FROM run_steps WHERE run_id IN"
                + " (SELECT run_id FROM runs WHERE started_at < ? OR started_at <= ?)")) {
            s.setTimestamp(1, oldest);
            s.setTimestamp(2, last);
            s.executeUpdate();
        }
        int removed;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM runs WHERE started_at < ? OR started_at <= ?")) {
            s.setTimestamp(1, oldest);
            s.setTimestamp(2, last);
            removed = s.executeUpdate();
        }
        try (PreparedStatement s =
                c.prepareStatement("DELETE FROM dead_letters WHERE state = 'REPLAYED' AND replayed_at < ?")) {
            s.setTimestamp(1, oldest);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM dedupe_keys WHERE expires_at < ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.executeUpdate();
        }
        return removed;
    }
}
