package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's one retry mechanism on the durable store: a failed node is tried again by its
 * policy as a later run, the event waiting in the inbox (not on a thread), across restarts; the
 * attempts a dead letter reports are the requests the target saw.
 */
class DurableRetriesTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    TargetServer target;
    DurableRuntime runtime;
    final List<RunRecord> runs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        target = new TargetServer();
        runtime = startRuntime();
    }

    DurableRuntime startRuntime() {
        DurableRuntime started = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
        started.engine().addRunListener(runs::add);
        return started;
    }

    @AfterEach
    void stop() {
        runtime.close();
        target.close();
    }

    Flow flow(String id, Node send, ConfigValue.Fields settings) {
        return new Flow(
                FlowFormat.CURRENT,
                id,
                id,
                null,
                null,
                List.of(new Node("in", "webhook", null, ConfigValue.object("path", "/hooks/" + id), null), send),
                List.of(Wire.of("in", send.id())),
                settings);
    }

    Node send(Object... extraConfig) {
        Object[] config = new Object[4 + extraConfig.length];
        config[0] = "method";
        config[1] = "POST";
        config[2] = "url";
        config[3] = target.url();
        System.arraycopy(extraConfig, 0, config, 4, extraConfig.length);
        return new Node("send", "http.request", null, ConfigValue.object(config), null);
    }

    void push(String flowId, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/" + flowId))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    List<DeadLetter> deadLetters(String flowId) {
        return runtime.deadLetters().list(DeadLetterFilter.all().withFlow(flowId), 100);
    }

    @Test
    void theNodesOwnRetriesWinOverTheFlowsAndTheDeadLetterCountsWhatTheTargetSaw() throws Exception {
        target.down(true);
        runtime.engine()
                .deploy(flow(
                        "counted",
                        send("retries", 2, "retryBackoff", "10ms"),
                        ConfigValue.object("retry", ConfigValue.object("attempts", 6, "backoff", "10ms"))));

        push("counted", "{\"n\": 1}");

        await().until(() -> deadLetters("counted").size() == 1);
        assertThat(deadLetters("counted").get(0).attempts()).isEqualTo(3);
        assertThat(target.attempts())
                .as("one request per attempt, no retry loop inside the node")
                .isEqualTo(3);
        await().until(() -> runtime.inbox().pendingCount() == 0);
        // in the order the attempts started: a 10 ms retry can finish before the listener hears of the
        // attempt before it, so the order the records arrive in is not the order of the attempts
        assertThat(runs.stream()
                        .filter(r -> r.flowId().equals("counted"))
                        .sorted(java.util.Comparator.comparing(RunRecord::startedAt))
                        .map(RunRecord::status)
                        .toList())
                .containsExactly(
                        RunRecord.RunStatus.RETRYING, RunRecord.RunStatus.RETRYING, RunRecord.RunStatus.DEAD_LETTERED);
    }

    @Test
    void deadLetterFalseGivesTheEventUpInsteadOfKeepingIt() throws Exception {
        target.down(true);
        runtime.engine().deploy(flow("no-dlq", send("retries", 0), ConfigValue.object("deadLetter", false)));

        push("no-dlq", "{\"n\": 1}");

        await().until(() -> runs.stream().anyMatch(r -> r.flowId().equals("no-dlq")));
        RunRecord run = runs.stream()
                .filter(r -> r.flowId().equals("no-dlq"))
                .findFirst()
                .orElseThrow();
        assertThat(run.status()).isEqualTo(RunRecord.RunStatus.FAILED);
        assertThat(run.error())
                .startsWith("gave up at send after 1 attempt(s): ")
                .contains("answered 503");
        await().until(() -> runtime.inbox().pendingCount() == 0);
        assertThat(deadLetters("no-dlq")).isEmpty();
        assertThat(target.attempts()).isEqualTo(1);
    }

    @Test
    void aWaitingRetrySurvivesARestartAndRunsFromTheNodeThatFailed() throws Exception {
        target.down(true);
        Flow flow = flow("restart", send("retries", 3, "retryBackoff", "1s"), null);
        runtime.engine().deploy(flow);
        push("restart", "{\"n\": \"r1\"}");
        await().until(() -> runtime.inbox().retryCount() == 1);

        runtime.close();
        target.down(false);
        runtime = startRuntime();
        runtime.engine().deploy(flow);

        await().until(() -> target.deliveriesByKey().containsKey("r1"));
        await().until(() -> runtime.inbox().pendingCount() == 0);
        assertThat(target.deliveriesByKey().get("r1").get()).isOne();
        assertThat(deadLetters("restart")).isEmpty();
        RunRecord retried = runs.stream()
                .filter(r -> r.status() == RunRecord.RunStatus.SUCCESS)
                .findFirst()
                .orElseThrow();
        assertThat(retried.triggerNodeId())
                .as("the retry starts at the node that failed")
                .isEqualTo("send");
        assertThat(retried.parentRunId()).isEqualTo(runs.get(0).runId());
    }

    @Test
    void aRetryWhoseNodeWasRemovedMeanwhileBecomesADeadLetterNotALoss() throws Exception {
        target.down(true);
        runtime.engine().deploy(flow("reshaped", send("retries", 3, "retryBackoff", "500ms"), null));
        push("reshaped", "{\"n\": 1}");
        await().until(() -> runtime.inbox().retryCount() == 1);

        runtime.engine()
                .deploy(new Flow(
                        FlowFormat.CURRENT,
                        "reshaped",
                        "reshaped",
                        null,
                        null,
                        List.of(new Node("in", "webhook", null, ConfigValue.object("path", "/hooks/reshaped"), null)),
                        List.of(),
                        null));

        await().until(() -> deadLetters("reshaped").size() == 1);
        assertThat(deadLetters("reshaped").get(0).error())
                .isEqualTo(
                        "Node 'send' is no longer in flow 'reshaped' (the flow was changed while the event waited to run from it)");
        await().until(() -> runtime.inbox().pendingCount() == 0);
    }
}
