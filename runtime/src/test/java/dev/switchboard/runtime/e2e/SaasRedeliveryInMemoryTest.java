package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.Engine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SaaS trigger on a bare engine (no store, so no DedupeStore service): delivery ids are kept in
 * memory while the flow runs, and the same delivery sent several times at once still runs once: the
 * copies that arrive while the first is being accepted get 409 (try again), those after it 200.
 */
class SaasRedeliveryInMemoryTest {
    static final String SECRET = "gh-secret-in-memory";
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDir;

    static Engine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = Flows.engine(dataDir, Map.of("GH", SECRET));
        engine.deploy(chain(
                "gh",
                node("hook", "github.event", "path", "/hooks/gh", "secret", "{{secret:GH}}"),
                node("seen", "test.capture", "sink", "gh-memory")));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static CompletableFuture<HttpResponse<String>> deliver(String delivery, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.httpBaseUrl() + "/hooks/gh"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "issues")
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSameDeliverySentFiveTimesAtOnceRunsOnce() throws Exception {
        String delivery = UUID.randomUUID().toString();
        byte[] body = "{\"action\":\"opened\",\"issue\":{\"number\":7}}".getBytes(StandardCharsets.UTF_8);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(deliver(delivery, body));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            statuses.add(call.get().statusCode());
        }
        assertThat(statuses).isSubsetOf(200, 202, 409).containsOnlyOnce(202);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> CaptureConnector.events("gh-memory").stream()
                                .filter(e -> e.id().equals(delivery))
                                .count()
                        == 1);
        assertThat(deliver(delivery, body).get().statusCode()).isEqualTo(200);
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(3))
                .until(() -> CaptureConnector.events("gh-memory").stream()
                                .filter(e -> e.id().equals(delivery))
                                .count()
                        == 1);
    }
}
