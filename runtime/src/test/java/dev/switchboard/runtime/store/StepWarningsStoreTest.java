package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.StepRecord;
import dev.switchboard.runtime.model.HistoryLevel;
import dev.switchboard.runtime.secrets.SecretMask;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A step's warning (a data contract with enforcement {@code warn}) in stored run history, on H2 and
 * on a real PostgreSQL server: migration V9's column, written by the {@link HistoryWriter} at the
 * history levels that keep a run, read back by {@link RunQueries}; and a store left at V8 by an
 * older Switchboard, opened by this one.
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class StepWarningsStoreTest {
    static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");
    static final String SECRET = "tok-5f2a9c";
    static final String WARNING =
            "breaks the contract orders@1: /total: required property 'total' not found; /note: " + SECRET;

    @Parameter
    TestStore kind;

    @TempDir
    Path dir;

    @Test
    void aWarningIsKeptWithItsStepAtFullAndInTheCompactPathAtSummary() {
        String url = url();
        try (Store store = Store.open(url)) {
            write(store, HistoryLevel.FULL, run("run-full", "ev-full"));
            write(store, HistoryLevel.SUMMARY, run("run-summary", "ev-summary"));
            RunQueries runs = new RunQueries(store);

            for (String event : List.of("ev-full", "ev-summary")) {
                List<RunQueries.Step> steps = runs.path(event).get(0).steps();
                assertThat(steps).extracting(RunQueries.Step::nodeId).containsExactly("hook", "log");
                assertThat(steps.get(0).warning())
                        .as(event)
                        .isEqualTo("breaks the contract orders@1: /total: required property 'total' not found;"
                                + " /note: " + SecretMask.MASK);
                assertThat(steps.get(0).policies()).containsExactly("pii: masked");
                assertThat(steps.get(1).warning()).isNull();
            }
            assertThat(runs.path("ev-full").get(0).steps().get(0).output()).contains("o-1");
            assertThat(runs.path("ev-summary").get(0).steps().get(0).output())
                    .as("summary keeps the warning, not the data")
                    .isNull();
        }
    }

    @Test
    void aStoreLeftAtVersion8ByAnOlderSwitchboardOpensWithTheWarningColumnAndKeepsItsRuns() throws Exception {
        String url = url();
        Flyway.configure()
                .dataSource(url, user(), password())
                .locations("classpath:db/migration")
                .target("8")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, user(), password())) {
            assertThat(hasWarningColumn(c)).as("a V8 store").isFalse();
            insertV8Run(c);
        }

        try (Store store = Store.open(url)) {
            assertThat(store.schemaIsCurrent()).isTrue();
            try (Connection c = store.connection()) {
                assertThat(hasWarningColumn(c)).isTrue();
            }
            RunQueries runs = new RunQueries(store);
            RunQueries.Step old = runs.path("ev-v8").get(0).steps().get(0);
            assertThat(old.warning()).as("written before warnings were kept").isNull();
            assertThat(old.policies()).containsExactly("pii: masked");

            write(store, HistoryLevel.FULL, run("run-new", "ev-new"));
            assertThat(runs.path("ev-new").get(0).steps().get(0).warning()).startsWith("breaks the contract orders@1");
        }
    }

    private String url() {
        String url = kind.newUrl();
        return url == null ? Store.defaultUrl(dir) : url;
    }

    private static void write(Store store, HistoryLevel level, RunRecord run) {
        SecretMask mask = new SecretMask();
        mask.add(SECRET);
        try (HistoryWriter writer =
                new HistoryWriter(store, mask, HistoryOptions.defaults().withLevel(level))) {
            writer.onRunFinished(run);
            assertThat(writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
        }
    }

    private static RunRecord run(String runId, String eventId) {
        Event event = new Event(
                eventId,
                "/hooks/orders",
                "dev.switchboard.webhook",
                T0,
                null,
                "application/json",
                Json.parse("{\"id\": \"o-1\"}"),
                Map.of());
        return new RunRecord(
                "orders",
                "hook",
                eventId,
                RunRecord.RunStatus.SUCCESS,
                T0,
                2_000_000,
                null,
                null,
                runId,
                null,
                null,
                List.of(
                        new StepRecord("hook", "out", T0, null, event, null, WARNING, List.of("pii: masked")),
                        new StepRecord("log", "out", T0.plusMillis(1), event, event, null, null, List.of())));
    }

    private String user() {
        return kind == TestStore.H2 ? "sa" : PostgresServer.USER;
    }

    private String password() {
        return kind == TestStore.H2 ? "" : PostgresServer.PASSWORD;
    }

    private static boolean hasWarningColumn(Connection c) throws SQLException {
        // H2 keeps unquoted names in upper case, PostgreSQL in lower case
        for (String table : List.of("run_steps", "RUN_STEPS")) {
            for (String column : List.of("warning", "WARNING")) {
                try (ResultSet r = c.getMetaData().getColumns(null, null, table, column)) {
                    if (r.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A run and its step as Switchboard wrote them at schema version 8: no warning column. */
    private static void insertV8Run(Connection c) throws SQLException {
        try (PreparedStatement run = c.prepareStatement("INSERT INTO runs (run_id, event_id, flow_id,"
                        + " trigger_node, status, started_at, duration_us, history) VALUES ('run-v8', 'ev-v8', 'orders',"
                        + " 'hook', 'SUCCESS', ?, 1, 'full')");
                PreparedStatement step = c.prepareStatement("INSERT INTO run_steps (run_id, step_no, node_id,"
                        + " port, at, policies) VALUES ('run-v8', 0, 'hook', 'out', ?, 'pii: masked')")) {
            run.setTimestamp(1, Timestamp.from(T0));
            run.executeUpdate();
            step.setTimestamp(1, Timestamp.from(T0));
            step.executeUpdate();
        }
    }
}
