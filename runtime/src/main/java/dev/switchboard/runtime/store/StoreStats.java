package dev.switchboard.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the metrics and the health checks read from the store, never on an event's path: the
 * inbox per flow (pending rows, retries waiting, the oldest row) and the dead letters per flow.
 * Plain SQL that runs on H2 and PostgreSQL alike.
 *
 * <p>Cost: the pending count and the oldest row of a flow are read through the {@code inbox_flow}
 * index (one query per flow asked for); the retries and the dead letters are counted in one
 * grouped query each, which reads their rows (no index on {@code due_at} or {@code state}: one
 * would cost every inbox insert). Callers sample at most every few seconds.
 */
public final class StoreStats {
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    /** One flow's rows in the inbox; {@code oldestAcceptedAt} null when it has none. */
    public record InboxStats(long pending, long retriesWaiting, Instant oldestAcceptedAt) {}

    private final Store store;

    public StoreStats(Store store) {
        this.store = store;
    }

    /** The inbox rows of each of {@code flowIds} (flows without rows get zeros). */
    public Map<String, InboxStats> inbox(Collection<String> flowIds) {
        try (Connection c = store.connection();
                PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM inbox WHERE flow_id = ?");
                PreparedStatement oldest = c.prepareStatement(
                        "SELECT accepted_at FROM inbox WHERE flow_id = ? ORDER BY seq FETCH FIRST 1 ROWS ONLY");
                PreparedStatement retries = c.prepareStatement(
                        "SELECT flow_id, COUNT(*) FROM inbox WHERE due_at IS NOT NULL GROUP BY flow_id")) {
            Map<String, Long> retriesByFlow = grouped(retries);
            Map<String, InboxStats> stats = new HashMap<>();
            for (String flowId : flowIds) {
                count.setString(1, flowId);
                count.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                long pending;
                try (ResultSet r = count.executeQuery()) {
                    r.next();
                    pending = r.getLong(1);
                }
                Instant first = null;
                if (pending > 0) {
                    oldest.setString(1, flowId);
                    oldest.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                    try (ResultSet r = oldest.executeQuery()) {
                        if (r.next()) {
                            Timestamp at = r.getTimestamp(1);
                            first = at == null ? null : at.toInstant();
                        }
                    }
                }
                stats.put(flowId, new InboxStats(pending, retriesByFlow.getOrDefault(flowId, 0L), first));
            }
            return stats;
        } catch (SQLException e) {
            throw new Store.StoreException("Could not read the inbox statistics: " + e.getMessage(), e);
        }
    }

    /** Dead letters not replayed, by flow. */
    public Map<String, Long> deadLetters() {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT flow_id, COUNT(*) FROM dead_letters WHERE state = 'DEAD' GROUP BY flow_id")) {
            return grouped(s);
        } catch (SQLException e) {
            throw new Store.StoreException("Could not count the dead letters: " + e.getMessage(), e);
        }
    }

    /**
     * A round trip to the store ({@code SELECT 1}), bounded by a query timeout.
     *
     * @throws Store.StoreException when the store cannot be reached
     */
    public void ping() {
        try (Connection c = store.connection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet r = s.executeQuery("SELECT 1")) {
                r.next();
            }
        } catch (SQLException | RuntimeException e) {
            throw new Store.StoreException("The store does not answer: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> grouped(PreparedStatement s) throws SQLException {
        s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        Map<String, Long> counts = new HashMap<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return counts;
    }
}
