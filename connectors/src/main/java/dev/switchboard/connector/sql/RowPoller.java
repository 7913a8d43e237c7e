package dev.switchboard.connector.sql;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeStatus;
import dev.switchboard.connector.support.Causes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The state of one sql.poll node: runs the query (backing off while the database fails),
 * turns rows into events and marks a row done only after the flow finished its event.
 */
final class RowPoller {
    static final String ROW = "sb.sql.row";
    private static final long MAX_BACKOFF_MS = 60_000;

    private final NodeStatus status;
    private final String source;
    private final Database database;
    private final String query;
    private final int maxRows;
    private final boolean lowerCase;
    private final String markDone;
    private final String trackColumn;
    private final TrackedKey tracked;
    private final long intervalMs;
    private long backoffMs;
    private long nextAttemptAt;

    RowPoller(
            String flowId,
            String nodeId,
            NodeStatus status,
            String source,
            Database database,
            String query,
            int maxRows,
            boolean lowerCase,
            String markDone,
            String trackColumn,
            String trackStart,
            Duration interval) {
        this.status = status;
        this.source = source;
        this.database = database;
        this.query = query;
        this.maxRows = maxRows;
        this.lowerCase = lowerCase;
        this.markDone = markDone;
        this.trackColumn = trackColumn;
        this.tracked = trackColumn == null ? null : new TrackedKey(flowId, nodeId, trackStart);
        this.intervalMs = interval.toMillis();
        this.backoffMs = Math.max(1_000, intervalMs);
    }

    /** Body becomes the new rows (none while backing off after a failure). */
    void fetch(Exchange exchange) {
        exchange.getMessage().setBody(List.of());
        if (System.currentTimeMillis() < nextAttemptAt) {
            return;
        }
        try {
            NamedParameterJdbcTemplate jdbc = database.jdbc();
            MapSqlParameterSource params = new MapSqlParameterSource();
            if (tracked != null) {
                params.addValue("last", tracked.load(jdbc));
            }
            jdbc.getJdbcTemplate().setMaxRows(maxRows);
            List<Map<String, Object>> rows = jdbc.queryForList(query, params);
            status.up("polling " + database.redacted());
            backoffMs = Math.max(1_000, intervalMs);
            nextAttemptAt = 0;
            exchange.getMessage().setBody(rows);
        } catch (RuntimeException e) {
            status.down("cannot poll " + database.redacted() + ": " + Causes.rootMessage(e) + "; retrying in "
                    + backoffMs / 1000 + " s");
            nextAttemptAt = System.currentTimeMillis() + backoffMs;
            backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
        }
    }

    /** Body: one row (a case-insensitive map) → the event; the row is kept for {@link #done}. */
    void toEvent(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        exchange.setProperty(ROW, row);
        Object key = trackColumn != null ? row.get(trackColumn) : row.get("id");
        Event event = new Event(
                UUID.randomUUID().toString(),
                source,
                SqlPollConnector.TYPE,
                null,
                key == null ? null : String.valueOf(key),
                null,
                SqlValues.rowToJson(row, lowerCase),
                null);
        exchange.getMessage().setBody(event);
    }

    /** Runs after the flow finished the row's event: mark it, or move the tracked key past it. */
    void done(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getProperty(ROW, Map.class);
        NamedParameterJdbcTemplate jdbc = database.jdbc();
        if (markDone != null) {
            jdbc.update(markDone, rowParameters(row));
        } else {
            Object key = row.get(trackColumn);
            if (key == null) {
                throw new IllegalStateException(
                        "trackColumn '" + trackColumn + "' is not in the query's result (or is NULL)");
            }
            tracked.save(jdbc, key);
        }
    }

    /** The row's columns as {@code :name} parameters, matched without regard to case. */
    private static SqlParameterSource rowParameters(Map<String, Object> row) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        row.forEach((column, value) -> {
            params.addValue(column, value);
            params.addValue(column.toLowerCase(java.util.Locale.ROOT), value);
            params.addValue(column.toUpperCase(java.util.Locale.ROOT), value);
        });
        return params;
    }
}
