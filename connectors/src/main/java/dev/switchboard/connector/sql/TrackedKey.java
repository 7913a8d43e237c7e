package dev.switchboard.connector.sql;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The last key a {@code trackColumn} poll emitted, kept in a small table in the polled database
 * itself ({@value #TABLE}), so it survives restarts and moves with the data: a restore of the
 * database restores the position that belongs to it.
 */
final class TrackedKey {
    static final String TABLE = "switchboard_sql_poll_state";

    private final String nodeKey;
    private final String start;
    private boolean tableReady;

    TrackedKey(String flowId, String nodeId, String start) {
        this.nodeKey = flowId + "/" + nodeId;
        this.start = start;
    }

    /** The last emitted key, typed so the database compares it as it compares the column. */
    Object load(NamedParameterJdbcTemplate jdbc) {
        ensureTable(jdbc);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT last_value, value_type FROM " + TABLE + " WHERE node_key = :key",
                new MapSqlParameterSource("key", nodeKey));
        if (rows.isEmpty()) {
            return start == null ? null : typed(start, guessType(start));
        }
        Map<String, Object> row = rows.get(0);
        return typed((String) row.get("last_value"), (String) row.get("value_type"));
    }

    void save(NamedParameterJdbcTemplate jdbc, Object value) {
        ensureTable(jdbc);
        MapSqlParameterSource params = new MapSqlParameterSource("key", nodeKey)
                .addValue("value", text(value))
                .addValue("type", typeOf(value));
        int updated = jdbc.update(
                "UPDATE " + TABLE + " SET last_value = :value, value_type = :type WHERE node_key = :key", params);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO " + TABLE + " (node_key, last_value, value_type) VALUES (:key, :value, :type)",
                    params);
        }
    }

    private void ensureTable(NamedParameterJdbcTemplate jdbc) {
        if (!tableReady) {
            jdbc.getJdbcTemplate()
                    .execute("CREATE TABLE IF NOT EXISTS " + TABLE
                            + " (node_key VARCHAR(400) PRIMARY KEY, last_value VARCHAR(4000), value_type VARCHAR(16))");
            tableReady = true;
        }
    }

    private static String text(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant().toString();
        }
        return value == null ? null : value.toString();
    }

    private static String typeOf(Object value) {
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Timestamp || value instanceof java.time.temporal.Temporal) {
            return "timestamp";
        }
        return "text";
    }

    private static String guessType(String value) {
        try {
            new BigDecimal(value);
            return "number";
        } catch (NumberFormatException e) {
            try {
                Instant.parse(value);
                return "timestamp";
            } catch (DateTimeParseException notATime) {
                return "text";
            }
        }
    }

    private static Object typed(String value, String type) {
        if (value == null) {
            return null;
        }
        return switch (type == null ? "text" : type) {
            case "number" -> new BigDecimal(value);
            case "timestamp" -> Timestamp.from(Instant.parse(value));
            default -> value;
        };
    }
}
