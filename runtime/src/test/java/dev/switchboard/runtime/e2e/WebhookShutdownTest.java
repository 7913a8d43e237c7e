package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.RawHttp;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutting down under load, as a caller sees it: new requests get 503 with {@code Retry-After} (so
 * the sender retries later, against this or another instance), and a request already inside is
 * committed and answered 202 before the server goes away.
 */
class WebhookShutdownTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    @Test
    void newRequestsGet503WhileTheOneAlreadyInsideIsCommittedAndAnswered() throws Exception {
        EngineOptions options = new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(30));
        DurableRuntime runtime = DurableRuntime.start(
                options, ConnectorCatalog.load(), SecretResolver.of(Map.of()), null, HistoryOptions.defaults());
        runtime.engine()
                .deploy(chain(
                        "orders",
                        node("hook", "webhook", "path", "/hooks/orders"),
                        node("seen", "test.capture", "sink", "shutdown-orders")));
        String base = runtime.engine().httpBaseUrl();
        String body = "{\"order\": 7}";
        CompletableFuture<Void> closing;
        try (RawHttp inside = RawHttp.connect(runtime.engine().httpPort())) {
            inside.send("POST /hooks/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n");
            // the 100 says the request passed its checks and is inside: a drain has to wait for it
            assertThat(inside.read().status()).isEqualTo(100);

            closing = CompletableFuture.runAsync(runtime::close);
            await().atMost(Duration.ofSeconds(20)).until(() -> probe(base).statusCode() == 503);
            HttpResponse<String> refused = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/hooks/orders"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"order\": 8}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.headers().firstValue("Connection")).hasValue("close");
            assertThat(Json.parse(refused.body()).path("error").asText()).isEqualTo("unavailable");
            assertThat(closing).as("the drain waits for the request inside").isNotDone();

            inside.send(body);
            RawHttp.Response accepted = inside.read();
            assertThat(accepted.status()).isEqualTo(202);
            String id = accepted.json().path("id").asText();
            closing.get(60, TimeUnit.SECONDS);

            // answered 202, so committed: it either ran before the store closed or waits in the inbox for the next
            // start
            boolean ran = CaptureConnector.events("shutdown-orders").stream().anyMatch(e -> e.id().equals(id));
            assertThat(ran || keptInInbox(id))
                    .as("event " + id + " ran or is kept")
                    .isTrue();
            assertThat(CaptureConnector.events("shutdown-orders"))
                    .noneMatch(e -> e.data().path("order").asInt() == 8);
        }
    }

    static HttpResponse<String> probe(String base) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/probe")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    boolean keptInInbox(String eventId) throws Exception {
        try (Store store = Store.openDefault(dataDir)) {
            return store.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM inbox WHERE event_id = ?")) {
                    s.setString(1, eventId);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        return r.getInt(1) == 1;
                    }
                }
            });
        }
    }
}
