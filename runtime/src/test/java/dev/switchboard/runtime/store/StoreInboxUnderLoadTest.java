package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.compile.Services;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox poller scans rows that dispatchers are running at the same moment. With the poller
 * running every millisecond, a row it read just before a dispatcher finished (and the writer
 * deleted it) must not be dispatched a second time.
 */
class StoreInboxUnderLoadTest {
    static final int EVENTS = 3000;
    static final String SINK = "inbox-under-load";

    @TempDir
    Path dataDir;

    @Test
    void aBusyPollerNeverRunsAnEventTwice() throws Exception {
        CaptureConnector.clear(SINK);
        try (Store store = Store.openDefault(dataDir);
                StoreInbox inbox = new StoreInbox(store, 8, Duration.ofMillis(1))) {
            Engine engine = new Engine(
                    new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(10)),
                    ConnectorCatalog.load(),
                    SecretResolver.of(Map.of()),
                    new Services(),
                    inbox,
                    new DeadLetterStore(store));
            engine.start();
            try {
                engine.deploy(new Flow(
                        FlowFormat.CURRENT,
                        "load",
                        "load",
                        null,
                        null,
                        List.of(
                                new Node("in", "webhook", null, ConfigValue.object("path", "/hooks/load"), null),
                                new Node("out", "test.capture", null, ConfigValue.object("sink", SINK), null)),
                        List.of(Wire.of("in", "out")),
                        null));
                post(URI.create(engine.httpBaseUrl() + "/hooks/load"));

                await().atMost(Duration.ofSeconds(120))
                        .until(() -> CaptureConnector.events(SINK).size() >= EVENTS);
                // a duplicate is dispatched by a poll after its row is gone: give the poller a few hundred rounds to do
                // it
                await().during(Duration.ofMillis(300))
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> inbox.pendingCount() == 0);
            } finally {
                engine.close();
            }
        }
        Map<String, Long> runsPerEvent =
                CaptureConnector.events(SINK).stream().collect(Collectors.groupingBy(Event::id, Collectors.counting()));
        assertThat(runsPerEvent).hasSize(EVENTS);
        assertThat(runsPerEvent.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
    }

    private static void post(URI uri) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore concurrency = new Semaphore(32);
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            concurrency.acquire();
            sent.add(http.sendAsync(
                            HttpRequest.newBuilder(uri)
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode)
                    .whenComplete((code, e) -> concurrency.release()));
        }
        assertThat(sent.stream()
                        .map(CompletableFuture::join)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .containsExactly(Map.entry(202, (long) EVENTS));
    }
}
