package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.engine.EngineOptions;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One flow's outage must not stall the others: while every event of a flow whose target answers
 * 503 waits for its retries, a healthy flow in the same runtime delivers all of its events. The
 * retries wait in the inbox, not on the dispatcher threads, and dispatch takes the flows in turn.
 * (How late the healthy flow's events are, with and without the failing one, is measured by
 * {@code scripts/bench-isolation}, not asserted here.)
 */
class FlowIsolationTest {
    static final int EVENTS = 400;
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    static Flow forward(String id, String url, ConfigValue.Fields settings) {
        return new Flow(
                FlowFormat.CURRENT,
                id,
                id,
                null,
                null,
                List.of(
                        new Node("in", "webhook", null, ConfigValue.object("path", "/hooks/" + id), null),
                        new Node("send", "http.request", null, ConfigValue.object("method", "POST", "url", url), null)),
                List.of(Wire.of("in", "send")),
                settings);
    }

    @Test
    void aHealthyFlowDeliversEverythingWhileAnotherFlowsEventsWaitForRetries() throws Exception {
        try (TargetServer down = new TargetServer();
                TargetServer up = new TargetServer()) {
            down.down(true);
            DurableRuntime runtime = DurableRuntime.start(
                    new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5)),
                    ConnectorCatalog.load(),
                    SecretResolver.of(Map.of()),
                    null,
                    HistoryOptions.defaults());
            try {
                runtime.engine()
                        .deploy(forward(
                                "failing",
                                down.url(),
                                ConfigValue.object(
                                        "retry",
                                        ConfigValue.object("attempts", 8, "backoff", "5s", "maxBackoff", "1m"))));
                runtime.engine().deploy(forward("healthy", up.url(), null));
                String base = runtime.engine().httpBaseUrl();
                AtomicInteger accepted = new AtomicInteger();
                ExecutorService senders = Executors.newFixedThreadPool(16);
                for (int i = 0; i < EVENTS; i++) {
                    int n = i;
                    senders.execute(() -> post(base + "/hooks/failing", "{\"n\": \"f" + n + "\"}", accepted));
                }
                for (int i = 0; i < EVENTS; i++) {
                    int n = i;
                    senders.execute(() -> post(base + "/hooks/healthy", "{\"n\": \"h" + n + "\"}", accepted));
                }
                senders.shutdown();
                assertThat(senders.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
                assertThat(accepted.get()).isEqualTo(2 * EVENTS);

                await().atMost(Duration.ofMinutes(1))
                        .until(() -> up.deliveriesByKey().size() == EVENTS);

                assertThat(up.deliveriesByKey().values())
                        .allSatisfy(count -> assertThat(count.get()).isOne());
                assertThat(runtime.inbox().retryCount())
                        .as("the failing flow's events still wait for their retries")
                        .isGreaterThan(EVENTS / 2);
                assertThat(runtime.deadLetters().list(DeadLetterFilter.all().withFlow("failing"), 10))
                        .isEmpty();
            } finally {
                runtime.close();
            }
        }
    }

    private static void post(String url, String json, AtomicInteger accepted) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 202) {
                accepted.incrementAndGet();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
