package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard dead-letters list|show|replay} on a real store: option orders, --json, failures. */
class DeadLettersCommandTest {
    @TempDir
    Path dir;

    String data;

    @BeforeEach
    void createStore() {
        Path folder = dir.resolve("data");
        CliStore.create(folder);
        data = folder.toString();
    }

    @Test
    void storeOptionsWorkBeforeAndAfterTheSubcommand() {
        CliRun before = CliRun.of("dead-letters", "--data", data, "list");
        CliRun after = CliRun.of("dead-letters", "list", "--data", data);

        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out().lines()).hasSize(3);
        assertThat(before.out()).contains("to-crm", "to-erp");
        assertThat(after.out()).isEqualTo(before.out());
    }

    @Test
    void jsonListHasTheDocumentedFields() throws IOException {
        CliRun run = CliRun.of("dead-letters", "list", "--data", data, "--json", "--node", "to-crm");

        assertThat(run.exit()).isZero();
        JsonNode letters = new ObjectMapper().readTree(run.out()).path("deadLetters");
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.get(0);
        assertThat(fieldNames(letter))
                .containsExactly(
                        "id",
                        "state",
                        "flowId",
                        "nodeId",
                        "eventId",
                        "runId",
                        "failedAt",
                        "attempts",
                        "error",
                        "replayedAt");
        assertThat(letter.path("state").asText()).isEqualTo("dead");
        assertThat(letter.path("flowId").asText()).isEqualTo("orders");
        assertThat(letter.path("runId").asText()).isEqualTo("run-4");
        assertThat(letter.path("attempts").asInt()).isEqualTo(3);
        assertThat(Instant.parse(letter.path("failedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(letter.path("replayedAt").isNull()).isTrue();
    }

    @Test
    void jsonShowCarriesTheEventAsJson() throws IOException {
        CliRun run = CliRun.of("dead-letters", "--json", "--data", data, "show", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode letter = new ObjectMapper().readTree(run.out());
        assertThat(letter.path("id").asLong()).isEqualTo(1);
        assertThat(letter.path("nodeId").asText()).isEqualTo("to-crm");
        assertThat(letter.path("event").path("data").path("sku").asText()).isEqualTo("A-1");
        assertThat(letter.path("event").path("specversion").asText()).isEqualTo("1.0");
    }

    @Test
    void jsonReplaySaysWhatWasReplayed() throws IOException {
        CliRun run = CliRun.of("dead-letters", "replay", "--data", data, "--json", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("replayed").asInt()).isEqualTo(1);
        assertThat(result.path("deadLetters").get(0).path("id").asLong()).isEqualTo(2);
        assertThat(result.path("deadLetters").get(0).path("nodeId").asText()).isEqualTo("to-erp");

        JsonNode all = new ObjectMapper()
                .readTree(CliRun.of("dead-letters", "list", "--all", "--json", "--data", data)
                        .out());
        assertThat(all.path("deadLetters").get(1).path("state").asText()).isEqualTo("replayed");
        assertThat(Instant.parse(
                        all.path("deadLetters").get(1).path("replayedAt").asText()))
                .isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void replayByFilterReportsTheCount() {
        CliRun run = CliRun.of("dead-letters", "--data", data, "replay", "--flow", "orders");

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .isEqualTo("Replaying 2 dead letter(s); a running runtime picks them up within a second."
                        + System.lineSeparator());
    }

    @Test
    void unknownIdsAreFailures() {
        String store = Path.of(data).toAbsolutePath().normalize().toString();
        CliRun.of("dead-letters", "show", "--data", data, "99").isFailure("No dead letter 99 in the store in " + store);
        CliRun.of("dead-letters", "replay", "--data", data, "99")
                .isFailure("No dead letter 99 waiting to be replayed in the store in " + store
                        + " (unknown, or already replayed: see 'dead-letters list --all')");
    }

    @Test
    void noStoreIsOneLineNamingTheFolder() {
        Path missing = dir.resolve("nowhere");
        CliRun.of("dead-letters", "list", "--data", missing.toString())
                .isFailure("No store in " + missing.toAbsolutePath().normalize()
                        + ": the folder does not exist; give --data with the"
                        + " folder 'switchboard run' uses, or --db with its JDBC URL")
                .hasNoStackTrace();
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
                .toList();
    }
}
