package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
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
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runtimes on one PostgreSQL database, with no file lock between them: what keeps them from
 * running an event twice is the inbox claim (a row lock held while the event runs, the row deleted
 * in the same transaction). Both poll the same backlog every few milliseconds and take webhooks
 * of their own; every event runs exactly once, and both do part of the work.
 */
class SharedInboxTest {
    static final int BACKLOG = 2000;
    static final int PUSHED = 1000;

    @TempDir
    Path dataDir;

    @Test
    void twoRuntimesOnOneDatabaseRunEveryEventExactlyOnce() throws Exception {
        String url = PostgresServer.withPassword(PostgresServer.get().newDatabase());
        CaptureConnector.clear("shared-a");
        CaptureConnector.clear("shared-b");
        try (Store storeA = Store.open(url);
                Store storeB = Store.open(url);
                StoreInbox inboxA = new StoreInbox(storeA, 8, Duration.ofMillis(2));
                StoreInbox inboxB = new StoreInbox(storeB, 8, Duration.ofMillis(2))) {
            assertThat(storeA.dialect().sharedInbox()).isTrue();
            List<String> backlog = insertBacklog(storeA);
            Engine a = engine(storeA, inboxA, "shared-a");
            Engine b = engine(storeB, inboxB, "shared-b");
            try {
                CompletableFuture<List<String>> pushedA =
                        CompletableFuture.supplyAsync(() -> post(a.httpBaseUrl(), PUSHED / 2));
                List<String> pushedB = post(b.httpBaseUrl(), PUSHED / 2);
                List<String> expected = Stream.of(backlog, pushedA.join(), pushedB)
                        .flatMap(List::stream)
                        .toList();

                await().atMost(Duration.ofSeconds(120)).until(() -> captured().size() >= expected.size());
                await().during(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> inboxA.pendingCount() == 0);

                Map<String, Long> runsPerEvent =
                        captured().stream().collect(Collectors.groupingBy(Event::id, Collectors.counting()));
                assertThat(runsPerEvent.keySet()).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(runsPerEvent.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
                assertThat(CaptureConnector.events("shared-a"))
                        .as("runtime A ran a share")
                        .isNotEmpty();
                assertThat(CaptureConnector.events("shared-b"))
                        .as("runtime B ran a share")
                        .isNotEmpty();
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static List<Event> captured() {
        List<Event> all = new ArrayList<>(CaptureConnector.events("shared-a"));
        all.addAll(CaptureConnector.events("shared-b"));
        return all;
    }

    /** Rows as a crashed runtime leaves them: both pollers find them at once. */
    private static List<String> insertBacklog(Store store) {
        return store.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO inbox (event_id, flow_id, node_id, event,"
                    + " accepted_at) VALUES (?, 'shared', 'in', ?, ?)")) {
                for (int i = 0; i < BACKLOG; i++) {
                    Event event = new Event(
                            Event.newId(),
                            "/test",
                            "test",
                            null,
                            null,
                            "application/json",
                            Json.parse("{\"n\": " + i + "}"),
                            Map.of());
                    s.setString(1, event.id());
                    s.setString(2, Json.write(Json.toCloudEvent(event)));
                    s.setTimestamp(3, Timestamp.from(Instant.now()));
                    s.addBatch();
                    ids.add(event.id());
                }
                s.executeBatch();
            }
            return ids;
        });
    }

    private Engine engine(Store store, StoreInbox inbox, String sink) throws Exception {
        Engine engine = new Engine(
                new EngineOptions("127.0.0.1", 0, dataDir.resolve(sink), Duration.ofSeconds(10)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                new Services(),
                inbox,
                new DeadLetterStore(store));
        engine.start();
        engine.deploy(new Flow(
                FlowFormat.CURRENT,
                "shared",
                "shared",
                null,
                null,
                List.of(
                        new Node("in", "webhook", null, ConfigValue.object("path", "/hooks/shared"), null),
                        new Node("out", "test.capture", null, ConfigValue.object("sink", sink), null)),
                List.of(Wire.of("in", "out")),
                null));
        return engine;
    }

    private static List<String> post(String baseUrl, int count) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore concurrency = new Semaphore(16);
        List<CompletableFuture<String>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                concurrency.acquire();
                sent.add(http.sendAsync(
                                HttpRequest.newBuilder(URI.create(baseUrl + "/hooks/shared"))
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> {
                            assertThat(r.statusCode()).isEqualTo(202);
                            return Json.parse(r.body()).path("id").asText();
                        })
                        .whenComplete((id, e) -> concurrency.release()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
