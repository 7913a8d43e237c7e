package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Look-ups the designer's run views use, on a real H2 file. */
class StoreQueriesTest {
    @TempDir
    static Path dir;

    static Store store;

    @BeforeAll
    static void open() {
        store = Store.openDefault(dir);
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        store.inTransaction(c -> {
            try (PreparedStatement run =
                    c.prepareStatement("INSERT INTO runs (run_id, event_id, flow_id, trigger_node, status,"
                            + " started_at, duration_us) VALUES (?, ?, ?, 't', ?, ?, 1)")) {
                // r0 oldest … r5 newest, over three flows
                String[][] rows = {
                    {"r0", "a", "SUCCESS"},
                    {"r1", "b", "FILTERED"},
                    {"r2", "c", "SUCCESS"},
                    {"r3", "a", "FAILED"},
                    {"r4", "b", "SUCCESS"},
                    {"r5", "a", "SUCCESS"}
                };
                for (int i = 0; i < rows.length; i++) {
                    run.setString(1, rows[i][0]);
                    run.setString(2, "e" + i);
                    run.setString(3, rows[i][1]);
                    run.setString(4, rows[i][2]);
                    run.setTimestamp(5, Timestamp.from(now.minus(Duration.ofMinutes(10 - i))));
                    run.executeUpdate();
                }
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static List<String> runIds(List<RunQueries.Run> runs) {
        return runs.stream().map(RunQueries.Run::runId).toList();
    }

    @Test
    void runsOfSeveralFlowsComeNewestFirst() {
        RunQueries queries = new RunQueries(store);
        assertThat(runIds(queries.list(List.of("a", "b"), null, 10))).containsExactly("r5", "r4", "r3", "r1", "r0");
        assertThat(runIds(queries.list(List.of("a", "b"), "success", 10))).containsExactly("r5", "r4", "r0");
        assertThat(runIds(queries.list(List.of("a", "b", "a"), null, 2))).containsExactly("r5", "r4");
    }

    @Test
    void noFlowIdsMeansEveryFlow() {
        RunQueries queries = new RunQueries(store);
        assertThat(runIds(queries.list(List.of(), null, 10))).containsExactly("r5", "r4", "r3", "r2", "r1", "r0");
        assertThat(runIds(queries.list((List<String>) null, "filtered", 10))).containsExactly("r1");
        assertThat(runIds(queries.list("c", null, 10))).containsExactly("r2");
    }

    @Test
    void findByRunGivesTheNewestDeadLetterOfThatRunWhateverItsState() {
        DeadLetterStore deadLetters = new DeadLetterStore(store);
        Event event = Event.create("/test", "t", Json.parse("{\"n\": 1}"));
        deadLetters.deadLetter("a", "first", "run-dl", event, "first failure", 1);
        deadLetters.deadLetter("a", "second", "run-dl", event, "second failure", 3);
        deadLetters.deadLetter("a", "other", "run-other", event, "elsewhere", 1);

        assertThat(deadLetters.findByRun("run-dl")).hasValueSatisfying(d -> {
            assertThat(d.nodeId()).isEqualTo("second");
            assertThat(d.error()).isEqualTo("second failure");
            assertThat(d.attempts()).isEqualTo(3);
        });
        assertThat(deadLetters.findByRun("no-such-run")).isEmpty();

        assertThat(deadLetters.replay(DeadLetterFilter.all().withFlow("a"))).hasSize(3);
        assertThat(deadLetters.findByRun("run-other"))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo("REPLAYED"));
    }
}
