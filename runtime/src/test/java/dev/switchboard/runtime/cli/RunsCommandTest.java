package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard runs [show]} on a real store: both option orders, --json, and the failures a user meets. */
class RunsCommandTest {
    @TempDir
    static Path dir;

    static Path data;
    static String dataArg;

    @BeforeAll
    static void createStore() {
        data = dir.resolve("data");
        dataArg = data.toString();
        CliStore.create(data);
    }

    @Test
    void listsRunsNewestFirst() {
        CliRun run = CliRun.of("runs", "--data", dataArg);

        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("STARTED").contains("STATUS", "FLOW", "EVENT", "RUN", "MS");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).contains("dead-lettered", "run-4", "gave up after 3 attempts");
        assertThat(lines.get(4)).contains("success", "run-1");
    }

    @Test
    void statusFilterTakesTheCliSpelling() {
        CliRun run = CliRun.of("runs", "--data", dataArg, "--status", "dead-lettered");

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().skip(1)).singleElement().asString().contains("run-4");
    }

    @Test
    void dataGivenBeforeShowIsUsed() {
        CliRun run = CliRun.of("runs", "--data", dataArg, "show", "ev-hello");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("event ev-hello").contains("run run-1  flow=hello trigger=in status=success");
    }

    @Test
    void dataGivenAfterShowIsUsedToo() {
        CliRun run = CliRun.of("runs", "show", "--data", dataArg, "run-1");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("event ev-hello");
    }

    @Test
    void showPrintsTheLineageAsAMermaidGraph() {
        CliRun run = CliRun.of("runs", "show", "--data", dataArg, "ev-hello", "--graph", "mermaid");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("flowchart LR")
                .contains("run0[\"hello · success · 1.2 ms<br/>in → greet\"]:::success");
    }

    @Test
    void anUnknownGraphFormatNamesTheFormatsThereAre() {
        CliRun run = CliRun.of("runs", "show", "--data", dataArg, "ev-hello", "--graph", "svg");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'svg' is not a graph format: use one of mermaid, dot");
    }

    @Test
    void jsonListHasTheDocumentedFields() throws IOException {
        CliRun run = CliRun.of("runs", "--data", dataArg, "--json", "--limit", "3");

        assertThat(run.exit()).isZero();
        JsonNode runs = new ObjectMapper().readTree(run.out()).path("runs");
        assertThat(runs).hasSize(3);
        JsonNode newest = runs.get(0);
        assertThat(fieldNames(newest))
                .containsExactly(
                        "runId",
                        "eventId",
                        "flowId",
                        "triggerNode",
                        "status",
                        "startedAt",
                        "durationMs",
                        "endedAtPort",
                        "error",
                        "parentRunId",
                        "replayOf",
                        "history",
                        "dataKept",
                        "dataNotKept");
        assertThat(newest.path("runId").asText()).isEqualTo("run-4");
        // written before history levels: everything was kept
        assertThat(newest.path("history").asText()).isEqualTo("full");
        assertThat(newest.path("dataKept").asBoolean()).isTrue();
        assertThat(newest.path("dataNotKept").isNull()).isTrue();
        assertThat(newest.path("status").asText()).isEqualTo("dead-lettered");
        assertThat(newest.path("startedAt").asText()).isEqualTo("2026-11-28T10:00:03Z");
        assertThat(newest.path("durationMs").decimalValue()).isEqualByComparingTo("3");
        assertThat(newest.path("error").asText()).isEqualTo("gave up after 3 attempts");
        assertThat(newest.path("parentRunId").isNull()).isTrue();
        assertThat(runs.get(2).path("endedAtPort").asText()).isEqualTo("only-ada:rejected");
    }

    @Test
    void jsonShowHasTheRunsWithTheirSteps() throws IOException {
        // --json belongs to 'runs' and may come before 'show', like --data
        CliRun run = CliRun.of("runs", "--json", "show", "--data", dataArg, "ev-hello");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode path = new ObjectMapper().readTree(run.out());
        assertThat(path.path("eventId").asText()).isEqualTo("ev-hello");
        JsonNode first = path.path("runs").get(0);
        assertThat(first.path("runId").asText()).isEqualTo("run-1");
        assertThat(first.path("durationMs").decimalValue()).isEqualByComparingTo("1.234");
        JsonNode steps = first.path("steps");
        assertThat(steps).hasSize(2);
        assertThat(fieldNames(steps.get(0)))
                .containsExactly("step", "nodeId", "port", "at", "input", "output", "error", "warning", "policies");
        assertThat(steps.get(0).path("input").isNull()).isTrue();
        assertThat(steps.get(0).path("output").path("data").path("name").asText())
                .as("a whole snapshot is JSON")
                .isEqualTo("Ada");
        assertThat(steps.get(1).path("at").asText()).isEqualTo("2026-11-28T10:00:00.001Z");
        assertThat(steps.get(1).path("output").asText())
                .as("a cut snapshot stays text")
                .isEqualTo("{\"data\": \"…(truncated)");
    }

    @Test
    void unknownIdIsAFailureNamingTheStore() {
        CliRun.of("runs", "--data", dataArg, "show", "nope")
                .isFailure("No run of event or run 'nope' in the store in "
                        + data.toAbsolutePath().normalize());
    }

    @Test
    void noStoreInTheFolderIsOneLineNamingTheFolderAndTheWayOut() {
        Path empty = dir.resolve("empty");
        CliRun.of("runs", "--data", empty.toString())
                .isFailure("No store in " + empty.toAbsolutePath().normalize()
                        + ": the folder does not exist; give --data with the"
                        + " folder 'switchboard run' uses, or --db with its JDBC URL")
                .hasNoStackTrace();
    }

    @Test
    void folderWithoutAStoreIsOneLine() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("no-store"));
        CliRun.of("runs", "show", "--data", folder.toString(), "ev-hello")
                .isFailure("No store in " + folder.toAbsolutePath().normalize()
                        + " (no switchboard.mv.db); give --data with the folder"
                        + " 'switchboard run' uses, or --db with its JDBC URL")
                .hasNoStackTrace();
    }

    @Test
    void dataNamingAFileIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.md"), "# not a folder");
        CliRun.of("runs", "--data", file.toString())
                .isFailure("--data " + file + " is a file, not a folder: give the folder for the runtime's state")
                .hasNoStackTrace();
    }

    @Test
    void aStoreThatCannotBeOpenedIsOneLine() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("switchboard.mv.db"), "this is not an H2 database");

        CliRun run = CliRun.of("runs", "--data", broken.toString());

        // the rest of the line is H2's own message ("IO Exception: …/switchboard.mv.db [90028-…]")
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("error: Could not open the store in "
                        + broken.toAbsolutePath().normalize() + ": ")
                .contains("switchboard.mv.db");
        assertThat(run.err()).doesNotContain("\tat ", "Flyway", "SQL State");
    }

    @Test
    void aJdbcUrlTheStoreCannotUseIsOneLine() {
        CliRun run = CliRun.of("runs", "--db", "jdbc:nope:somewhere");

        // the store runs on H2 or PostgreSQL: another URL is refused before any driver is asked
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .isEqualTo("error: Could not open the store at jdbc:nope:somewhere: The store runs on H2 (jdbc:h2:…)"
                        + " or PostgreSQL (jdbc:postgresql://…), not jdbc:nope:somewhere");
        run.hasNoStackTrace();
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
                .toList();
    }
}
