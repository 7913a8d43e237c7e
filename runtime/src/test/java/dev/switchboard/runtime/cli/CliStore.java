package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.store.DeadLetterStore;
import dev.switchboard.runtime.store.Store;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * A store in a data folder, as {@code switchboard run} leaves it, with known runs and dead letters
 * for the {@code runs} and {@code dead-letters} tests. Written through the store's own schema
 * (Flyway) and {@link DeadLetterStore}; the runs are inserted as the history writer stores them.
 */
final class CliStore {
    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    /** The event of the success run: its path has two steps with input and output. */
    static final Event HELLO = new Event(
            "ev-hello",
            "/hooks/hello",
            "dev.switchboard.webhook",
            T0,
            null,
            "application/json",
            Json.parse("{\"name\": \"Ada\"}"),
            Map.of());

    private CliStore() {}

    static void create(Path dataDir) {
        try (Store store = Store.openDefault(dataDir)) {
            store.inTransaction(c -> {
                try (PreparedStatement run = c.prepareStatement(
                                "INSERT INTO runs (run_id, event_id, flow_id, trigger_node, status,"
                                        + " started_at, duration_us, ended_at, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                        PreparedStatement step =
                                c.prepareStatement("INSERT INTO run_steps (run_id, step_no, node_id, port, at, input,"
                                        + " output, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Object[][] runs = {
                        {"run-1", "ev-hello", "hello", "in", "SUCCESS", 0, 1234L, null, null},
                        {"run-2", "ev-2", "hello", "in", "FILTERED", 1, 500L, "only-ada:rejected", null},
                        {"run-3", "ev-3", "orders", "in", "FAILED", 2, 2000L, null, "HTTP 500 from crm"},
                        {"run-4", "ev-4", "orders", "in", "DEAD_LETTERED", 3, 3000L, null, "gave up after 3 attempts"}
                    };
                    for (Object[] r : runs) {
                        for (int i = 0; i < r.length; i++) {
                            run.setObject(i + 1, i == 5 ? Timestamp.from(T0.plusSeconds((Integer) r[i])) : r[i]);
                        }
                        run.executeUpdate();
                    }
                    String hello = Json.write(Json.toCloudEvent(HELLO));
                    Object[][] steps = {
                        {"run-1", 0, "in", "out", Timestamp.from(T0), null, hello, null},
                        {
                            "run-1",
                            1,
                            "greet",
                            "out",
                            Timestamp.from(T0.plusMillis(1)),
                            hello,
                            "{\"data\": \"…(truncated)",
                            null
                        }
                    };
                    for (Object[] s : steps) {
                        for (int i = 0; i < s.length; i++) {
                            step.setObject(i + 1, s[i]);
                        }
                        step.executeUpdate();
                    }
                }
                return null;
            });
            DeadLetterStore deadLetters = new DeadLetterStore(store);
            deadLetters.deadLetter(
                    "orders",
                    "to-crm",
                    "run-4",
                    Event.create("/orders", "order", Json.parse("{\"sku\": \"A-1\"}")),
                    "gave up after 3 attempts",
                    3);
            deadLetters.deadLetter(
                    "orders",
                    "to-erp",
                    "run-5",
                    Event.create("/orders", "order", Json.parse("{\"sku\": \"B-2\"}")),
                    "ERP unreachable",
                    1);
        }
    }
}
