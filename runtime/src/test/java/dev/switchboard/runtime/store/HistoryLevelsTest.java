package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.cli.SwitchboardCli;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.HistoryLevel;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * Run history levels on the real durable runtime: one event that succeeds and one that is
 * dead-lettered go through a flow, and the store holds what the level keeps — and the delivery
 * guarantees (the dead letter) whatever the level.
 */
class HistoryLevelsTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    DurableRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    void start(HistoryOptions options) {
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                options);
    }

    /** in → filter (data.ok) → good (captures) | bad (fails: dead letter at once). */
    static Flow flow(String id, String settings) throws Exception {
        return FlowCodec.read("""
                { "format": "switchboard/flow@1", "id": "%1$s",
                  "nodes": [
                    { "id": "in", "type": "webhook", "config": { "path": "/hooks/%1$s" } },
                    { "id": "check", "type": "filter", "config": { "rules": [ { "field": "data.ok", "op": "eq", "value": true } ] } },
                    { "id": "good", "type": "test.capture", "config": { "sink": "levels-%1$s" } },
                    { "id": "bad", "type": "test.capture", "config": { "sink": "levels-%1$s-bad", "fail": true } }
                  ],
                  "wires": [
                    { "from": "in", "to": "check" },
                    { "from": "check", "port": "matched", "to": "good" },
                    { "from": "check", "port": "unmatched", "to": "bad" }
                  ],
                  "settings": { "retry": { "attempts": 1 }%2$s }
                }
                """.formatted(id, settings));
    }

    /** Deploys {@code flow}, sends one good and one failing event, waits until both are done and written. */
    Sent run(Flow flow) throws Exception {
        CaptureConnector.clear("levels-" + flow.id());
        runtime.engine().deploy(flow);
        String good = push(flow.id(), "{\"ok\": true, \"name\": \"good one\"}");
        String bad = push(flow.id(), "{\"ok\": false, \"name\": \"bad one\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> CaptureConnector.events("levels-" + flow.id()).size() == 1
                        && runtime.deadLetters()
                                        .list(DeadLetterFilter.all().withFlow(flow.id()), 10)
                                        .size()
                                == 1
                        && runtime.inbox().pendingCount() == 0);
        assertThat(runtime.history().awaitWritten(Duration.ofSeconds(10))).isTrue();
        return new Sent(good, bad);
    }

    record Sent(String good, String bad) {}

    String push(String flowId, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/" + flowId))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        return Json.parse(response.body()).path("id").asText();
    }

    RunQueries.RunPath only(String eventId) {
        List<RunQueries.RunPath> paths = runtime.runs().path(eventId);
        assertThat(paths).hasSize(1);
        return paths.get(0);
    }

    long count(String sql) {
        return runtime.store().inTransaction(c -> {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    static boolean hasSnapshots(RunQueries.RunPath path) {
        return path.steps().stream().anyMatch(s -> s.input() != null || s.output() != null);
    }

    @ParameterizedTest
    @EnumSource(HistoryLevel.class)
    void aFlowsHistorySettingDecidesWhatIsStored(HistoryLevel level) throws Exception {
        start(HistoryOptions.defaults());
        Sent sent = run(flow("lvl-" + level.id(), ", \"history\": \"" + level.id() + "\""));

        assertThat(runtime.deadLetters()
                        .list(DeadLetterFilter.all().withFlow("lvl-" + level.id()), 10)
                        .get(0)
                        .eventId())
                .as("dead letters do not depend on the history level")
                .isEqualTo(sent.bad());
        if (level == HistoryLevel.OFF) {
            assertThat(runtime.runs().path(sent.good())).isEmpty();
            assertThat(runtime.runs().path(sent.bad())).isEmpty();
            assertThat(count("SELECT COUNT(*) FROM runs")).isZero();
            assertThat(count("SELECT COUNT(*) FROM run_steps")).isZero();
            return;
        }
        RunQueries.RunPath good = only(sent.good());
        RunQueries.RunPath bad = only(sent.bad());
        assertThat(good.run().status()).isEqualTo("SUCCESS");
        assertThat(bad.run().status()).isEqualTo("DEAD_LETTERED");
        assertThat(good.run().history()).isEqualTo(level.id());
        assertThat(bad.run().history()).isEqualTo(level.id());
        assertThat(good.steps())
                .as("the path is kept at every level but off")
                .extracting(RunQueries.Step::nodeId)
                .containsExactly("in", "check", "good");
        assertThat(bad.steps()).extracting(RunQueries.Step::nodeId).containsExactly("in", "check", "bad");
        assertThat(bad.steps().get(2).error()).contains("told to fail");

        boolean goodKept = level == HistoryLevel.FULL;
        boolean badKept = level == HistoryLevel.FULL || level == HistoryLevel.ERRORS;
        assertThat(hasSnapshots(good)).isEqualTo(goodKept);
        assertThat(good.run().dataKept()).isEqualTo(goodKept);
        assertThat(hasSnapshots(bad)).isEqualTo(badKept);
        assertThat(bad.run().dataKept()).isEqualTo(badKept);
        assertThat(count("SELECT COUNT(*) FROM run_steps WHERE run_id IN ('"
                        + good.run().runId() + "', '" + bad.run().runId() + "')"))
                .as("a row per step only for runs that keep snapshots; the others keep their path in their run's row")
                .isEqualTo((goodKept ? 3 : 0) + (badKept ? 3 : 0));
        if (badKept) {
            assertThat(bad.steps().get(2).input()).contains("bad one");
        }
        if (!goodKept) {
            assertThat(good.run().dataNotKept()).isEqualTo("(data not kept: history level " + level.id() + ")");
            assertThat(cli("runs", "show", sent.good()))
                    .contains("input and output (data not kept: history level " + level.id() + ")")
                    .doesNotContain("good one");
            com.fasterxml.jackson.databind.JsonNode json = Json.parse(cli("runs", "show", sent.good(), "--json"))
                    .path("runs")
                    .path(0);
            assertThat(json.path("history").asText()).isEqualTo(level.id());
            assertThat(json.path("dataKept").asBoolean()).isFalse();
            assertThat(json.path("dataNotKept").asText()).contains("history level " + level.id());
        } else {
            assertThat(cli("runs", "show", sent.good())).contains("good one").doesNotContain("data not kept");
        }
    }

    @Test
    void theRuntimesLevelAppliesToFlowsThatDoNotSayAndAFlowsOwnSettingWins() throws Exception {
        start(HistoryOptions.defaults().withLevel(HistoryLevel.SUMMARY));
        Sent unsaid = run(flow("unsaid", ""));
        Sent full = run(flow("says-full", ", \"history\": \"full\""));

        assertThat(runtime.history().levelOf("unsaid")).isEqualTo(HistoryLevel.SUMMARY);
        assertThat(hasSnapshots(only(unsaid.bad()))).isFalse();
        assertThat(only(unsaid.good()).run().history()).isEqualTo("summary");
        assertThat(hasSnapshots(only(full.good()))).isTrue();
        assertThat(hasSnapshots(only(full.bad()))).isTrue();
    }

    @Test
    void aLevelForEveryFlowWinsOverTheFlowsOwnSetting() throws Exception {
        // what the designer's Run does: its inspector and trace need every snapshot
        start(HistoryOptions.defaults().withLevelForEveryFlow(HistoryLevel.FULL));
        Sent sent = run(flow("says-off", ", \"history\": \"off\""));

        assertThat(hasSnapshots(only(sent.good()))).isTrue();
        assertThat(only(sent.good()).run().history()).isEqualTo("full");
    }

    @Test
    void aHotReplaceThatChangesTheLevelAppliesToTheNextRuns() throws Exception {
        start(HistoryOptions.defaults());
        Sent before = run(flow("replaced", ", \"history\": \"full\""));
        Flow summary = flow("replaced", ", \"history\": \"summary\"");
        CaptureConnector.clear("levels-replaced");
        runtime.engine().deploy(summary);
        String good = push("replaced", "{\"ok\": true, \"name\": \"after\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> CaptureConnector.events("levels-replaced").size() == 1);
        await().until(() -> runtime.inbox().pendingCount() == 0);
        assertThat(runtime.history().awaitWritten(Duration.ofSeconds(10))).isTrue();

        assertThat(hasSnapshots(only(before.good()))).isTrue();
        assertThat(hasSnapshots(only(good))).isFalse();
        assertThat(only(good).run().history()).isEqualTo("summary");
    }

    String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        String[] all = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of("--data", dataDir.toString()))
                .toArray(String[]::new);
        int code = cli.execute(all);
        assertThat(code).as("exit code of %s: %s", List.of(all), out).isZero();
        return out.toString();
    }
}
