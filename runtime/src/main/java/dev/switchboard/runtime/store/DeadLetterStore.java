package dev.switchboard.runtime.store;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.runtime.engine.DeadLetterSink;
import dev.switchboard.runtime.policy.EventsAtRest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dead-letter table: the engine's {@link DeadLetterSink} (each dead letter committed before the
 * run counts as finished) and what the CLI lists, shows and replays. Replay works on the store
 * alone: it puts the event back into the inbox addressed to the node that failed, and marks the
 * dead letter replayed, in one transaction; a running runtime's inbox picks it up within its poll
 * interval, or the next one to start does.
 */
public final class DeadLetterStore implements DeadLetterSink {
    private final Store store;

    public DeadLetterStore(Store store) {
        this.store = store;
    }

    @Override
    public void deadLetter(String flowId, String nodeId, String runId, Event event, String error, int attempts) {
        store.inTransaction(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO dead_letters (event_id, flow_id, node_id, run_id, error,"
                            + " attempts, event, failed_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DEAD')")) {
                s.setString(1, event.id());
                s.setString(2, flowId);
                s.setString(3, nodeId);
                s.setString(4, runId);
                s.setString(5, error.length() > 4000 ? error.substring(0, 4000) : error);
                s.setInt(6, attempts);
                s.setString(7, store.events().write(event));
                s.setTimestamp(8, Timestamp.from(Instant.now()));
                return s.executeUpdate();
            }
        });
    }

    /** Dead letters as people may see them: a sealed event opened and masked (see {@link EventsAtRest#shown}). */
    public List<DeadLetter> list(DeadLetterFilter filter, int limit) {
        return shown(store.inTransaction(c -> select(c, filter, limit, false)));
    }

    public Optional<DeadLetter> find(long id) {
        return list(new DeadLetterFilter(id, null, null, null, null, null, true), 1).stream()
                .findFirst();
    }

    /** The newest dead letter the run {@code runId} left, whatever its state (dead or replayed). */
    public Optional<DeadLetter> findByRun(String runId) {
        List<DeadLetter> found = store.inTransaction(
                c -> read(c, SELECT + " WHERE run_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", List.of(runId)));
        return shown(found).stream().findFirst();
    }

    /** Sends every matching dead letter back to the node that failed it; returns those replayed. */
    public List<DeadLetter> replay(DeadLetterFilter filter) {
        return store.inTransaction(c -> {
            List<DeadLetter> matched = select(c, filter, Integer.MAX_VALUE, true);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert =
                            c.prepareStatement("INSERT INTO inbox (event_id, flow_id, node_id, replay_of, event,"
                                    + " accepted_at) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement mark = c.prepareStatement(
                            "UPDATE dead_letters SET state = 'REPLAYED', replayed_at = ? WHERE id = ? AND state = 'DEAD'")) {
                for (DeadLetter d : matched) {
                    insert.setString(1, d.eventId());
                    insert.setString(2, d.flowId());
                    insert.setString(3, d.nodeId());
                    insert.setLong(4, d.id());
                    insert.setString(5, d.event());
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                    mark.setTimestamp(1, now);
                    mark.setLong(2, d.id());
                    mark.addBatch();
                }
                insert.executeBatch();
                mark.executeBatch();
            }
            return shown(matched);
        });
    }

    private List<DeadLetter> shown(List<DeadLetter> letters) {
        EventsAtRest events = store.events();
        return letters.stream()
                .map(d -> new DeadLetter(
                        d.id(),
                        d.eventId(),
                        d.flowId(),
                        d.nodeId(),
                        d.runId(),
                        d.error(),
                        d.attempts(),
                        events.shown(d.event()),
                        d.failedAt(),
                        d.state(),
                        d.replayedAt()))
                .toList();
    }

    private static List<DeadLetter> select(Connection c, DeadLetterFilter f, int limit, boolean forUpdate)
            throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.id() != null) {
            sql.append(" AND id = ?");
            args.add(f.id());
        }
        if (!f.includeReplayed() || forUpdate) {
            sql.append(" AND state = 'DEAD'");
        }
        if (f.flowId() != null) {
            sql.append(" AND flow_id = ?");
            args.add(f.flowId());
        }
        if (f.nodeId() != null) {
            sql.append(" AND node_id = ?");
            args.add(f.nodeId());
        }
        if (f.from() != null) {
            sql.append(" AND failed_at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND failed_at < ?");
            args.add(Timestamp.from(f.to()));
        }
        if (f.errorContains() != null) {
            sql.append(" AND LOWER(error) LIKE ?");
            args.add("%" + f.errorContains().toLowerCase() + "%");
        }
        sql.append(" ORDER BY id FETCH FIRST ? ROWS ONLY");
        args.add(limit);
        if (forUpdate) {
            sql.append(" FOR UPDATE");
        }
        return read(c, sql.toString(), args);
    }

    private static final String SELECT =
            "SELECT id, event_id, flow_id, node_id, run_id, error, attempts, event, failed_at,"
                    + " state, replayed_at FROM dead_letters";

    private static List<DeadLetter> read(Connection c, String sql, List<Object> args) throws SQLException {
        List<DeadLetter> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp replayed = r.getTimestamp(11);
                    result.add(new DeadLetter(
                            r.getLong(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6),
                            r.getInt(7),
                            r.getString(8),
                            r.getTimestamp(9).toInstant(),
                            r.getString(10),
                            replayed == null ? null : replayed.toInstant()));
                }
            }
        }
        return result;
    }
}
