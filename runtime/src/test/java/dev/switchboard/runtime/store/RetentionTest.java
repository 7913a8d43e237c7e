package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @TempDir
    Path dir;

    @Test
    void retentionKeepsTheNewestRunsWithinAgeAndCountAndTheirStepsOnly() throws Exception {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        try (Store store = Store.openDefault(dir)) {
            store.inTransaction(c -> {
                try (PreparedStatement run =
                                c.prepareStatement("INSERT INTO runs (run_id, event_id, flow_id, trigger_node, status,"
                                        + " started_at, duration_us) VALUES (?, 'e', 'f', 't', 'SUCCESS', ?, 1)");
                        PreparedStatement step = c.prepareStatement(
                                "INSERT INTO run_steps (run_id, step_no, node_id, at) VALUES (?, 0, 'n', ?)")) {
                    // r0 is 10 days old, r1..r4 are 1..4 hours old
                    for (int i = 0; i < 5; i++) {
                        Timestamp at = Timestamp.from(
                                i == 0 ? now.minus(Duration.ofDays(10)) : now.minus(Duration.ofHours(i)));
                        run.setString(1, "r" + i);
                        run.setTimestamp(2, at);
                        run.executeUpdate();
                        step.setString(1, "r" + i);
                        step.setTimestamp(2, at);
                        step.executeUpdate();
                    }
                }
                return null;
            });

            int removed =
                    new Retention(HistoryOptions.defaults().withRetention(Duration.ofDays(7), 2)).apply(store, now);

            assertThat(removed).isEqualTo(3);
            assertThat(ids(store, "SELECT run_id FROM runs ORDER BY run_id")).isEqualTo("r1,r2");
            assertThat(ids(store, "SELECT run_id FROM run_steps ORDER BY run_id"))
                    .isEqualTo("r1,r2");
        }
    }

    @Test
    void manyRunsGoInSeveralTransactionsAndNoneIsLeftBehind() throws Exception {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        int old = Retention.BATCH * 2 + 5;
        try (Store store = Store.openDefault(dir)) {
            store.inTransaction(c -> {
                try (PreparedStatement run =
                                c.prepareStatement("INSERT INTO runs (run_id, event_id, flow_id, trigger_node, status,"
                                        + " started_at, duration_us) VALUES (?, 'e', 'f', 't', 'SUCCESS', ?, 1)");
                        PreparedStatement step = c.prepareStatement(
                                "INSERT INTO run_steps (run_id, step_no, node_id, at) VALUES (?, 0, 'n', ?)")) {
                    for (int i = 0; i <= old; i++) {
                        // all but the last are 8 days old
                        Timestamp at = Timestamp.from(i < old ? now.minus(Duration.ofDays(8)) : now);
                        run.setString(1, "r" + i);
                        run.setTimestamp(2, at);
                        run.addBatch();
                        step.setString(1, "r" + i);
                        step.setTimestamp(2, at);
                        step.addBatch();
                    }
                    run.executeBatch();
                    step.executeBatch();
                }
                return null;
            });

            int removed = new Retention(HistoryOptions.defaults()).apply(store, now);

            assertThat(removed).isEqualTo(old);
            assertThat(ids(store, "SELECT run_id FROM runs")).isEqualTo("r" + old);
            assertThat(ids(store, "SELECT run_id FROM run_steps")).isEqualTo("r" + old);
        }
    }

    private static String ids(Store store, String sql) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = store.connection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.append(out.length() == 0 ? "" : ",").append(r.getString(1));
            }
        }
        return out.toString();
    }
}
