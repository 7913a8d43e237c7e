package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.RawHttp;
import dev.switchboard.connector.webhook.WebhookAuth;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One body limit per webhook, on the durable runtime (H2 in a temp folder): everything below it is
 * stored and runs, everything above gets 413, and refused callers cost no memory for their bodies.
 */
class WebhookBodyLimitTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final int NINE_MB = 9 * 1024 * 1024;
    static final int PARALLEL_POSTS = 20;
    /**
     * Twenty 9 MB bodies held in memory would be 180 MB; not holding them leaves a few MB of
     * connection buffers. Generous, and still far below what buffering them costs.
     */
    static final long HEAP_GROWTH_BOUND = 100L * 1024 * 1024;

    static final String TOKEN = "hook-token-4d1f";
    static final String SECRET = "hook-secret-8c2e";

    @TempDir
    static Path dataDir;

    static DurableRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        EngineOptions options = new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(10));
        runtime = DurableRuntime.start(
                options,
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of("TOKEN", TOKEN, "SECRET", SECRET)),
                null,
                HistoryOptions.defaults());
        runtime.engine()
                .deploy(chain(
                        "big",
                        node("hook", "webhook", "path", "/hooks/big"),
                        node("seen", "test.capture", "sink", "big-in")));
        runtime.engine()
                .deploy(chain(
                        "small",
                        node("hook", "webhook", "path", "/hooks/small", "maxBodySize", "64KB"),
                        node("seen", "test.capture", "sink", "small-in")));
        runtime.engine()
                .deploy(chain(
                        "guarded",
                        node(
                                "hook",
                                "webhook",
                                "path",
                                "/hooks/guarded",
                                "auth",
                                "bearer",
                                "token",
                                "{{secret:TOKEN}}"),
                        node("seen", "test.capture", "sink", "guarded-in")));
        runtime.engine()
                .deploy(chain(
                        "signed",
                        node(
                                "hook",
                                "webhook",
                                "path",
                                "/hooks/signed",
                                "auth",
                                "hmac-sha256",
                                "secret",
                                "{{secret:SECRET}}"),
                        node("seen", "test.capture", "sink", "signed-in")));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    static HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(runtime.engine().httpBaseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {"blob": "xxx…"} of exactly {@code size} bytes. */
    static byte[] jsonOfSize(int size) {
        byte[] body = new byte[size];
        byte[] start = "{\"blob\": \"".getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(start, 0, body, 0, start.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    @Test
    void aNineMegabyteJsonBodyIsAcceptedStoredAndRun() throws Exception {
        HttpResponse<String> response = post("/hooks/big", jsonOfSize(NINE_MB));

        assertThat(response.statusCode()).isEqualTo(202);
        String id = Json.parse(response.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> CaptureConnector.events("big-in").stream().anyMatch(e -> e.id().equals(id)));
        Event event = CaptureConnector.events("big-in").stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(event.data().path("blob").asText()).hasSize(NINE_MB - "{\"blob\": \"\"}".length());
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.inbox().pendingCount() == 0);
    }

    @Test
    void eachWebhookHasItsOwnLimit() throws Exception {
        HttpResponse<String> atLimit = post("/hooks/small", jsonOfSize(64 * 1024));
        HttpResponse<String> above = post("/hooks/small", jsonOfSize(64 * 1024 + 1));

        assertThat(atLimit.statusCode()).isEqualTo(202);
        assertThat(above.statusCode()).isEqualTo(413);
        assertThat(Json.parse(above.body()))
                .isEqualTo(
                        Json.parse(
                                "{\"error\": \"payload_too_large\", \"message\": \"The body is larger than this webhook's limit of 64KB\"}"));
        String id = Json.parse(atLimit.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> CaptureConnector.events("small-in").stream().anyMatch(e -> e.id().equals(id)));
        assertThat(CaptureConnector.events("small-in")).hasSize(1);
    }

    @Test
    void twentyParallelNineMegabytePostsWithAWrongTokenAreRefusedWithoutBeingHeld() throws Exception {
        long before = usedHeapAfterGc();
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_POSTS);
        CountDownLatch allButTheLastByteSent = new CountDownLatch(PARALLEL_POSTS);
        CountDownLatch finish = new CountDownLatch(1);
        List<Future<RawHttp.Response>> answers = new ArrayList<>();
        long heldWhileSending;
        try {
            for (int i = 0; i < PARALLEL_POSTS; i++) {
                answers.add(senders.submit(() -> {
                    try (RawHttp raw = RawHttp.connect(runtime.engine().httpPort())) {
                        raw.send("POST /hooks/guarded HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Authorization: Bearer not-the-token\r\nContent-Length: " + NINE_MB + "\r\n\r\n");
                        raw.sendFiller(NINE_MB - 1);
                        allButTheLastByteSent.countDown();
                        finish.await();
                        raw.send("x");
                        return raw.read();
                    }
                }));
            }
            // a server that buffers bodies holds nearly 9 MB per request now: none of them is complete
            assertThat(allButTheLastByteSent.await(5, TimeUnit.MINUTES))
                    .as("all bodies sent but their last byte")
                    .isTrue();
            heldWhileSending = usedHeapAfterGc() - before;
        } finally {
            finish.countDown();
            senders.shutdown();
        }
        for (Future<RawHttp.Response> answer : answers) {
            RawHttp.Response response = answer.get(2, TimeUnit.MINUTES);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(response.json().path("error").asText()).isEqualTo("unauthorized");
        }
        assertThat(heldWhileSending)
                .as("heap growth while 20 refused 9 MB bodies were arriving")
                .isLessThan(HEAP_GROWTH_BOUND);
        assertThat(CaptureConnector.events("guarded-in")).isEmpty();
    }

    @Test
    void aWrongSignatureOnNineMegabyteBodiesCostsBuffersThatAreFreedOnceAnswered() throws Exception {
        long before = usedHeapAfterGc();
        byte[] body = jsonOfSize(NINE_MB);
        String forged = WebhookAuth.signature("not-the-secret", body);
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_POSTS);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < PARALLEL_POSTS; i++) {
                answers.add(senders.submit(() -> post("/hooks/signed", body, "X-Signature-256", forged)));
            }
            int refusedAsForged = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
                // a signature is checked over the whole body: bodies beyond the server's budget for
                // bodies in memory at once are turned away as busy before they are read
                if (response.statusCode() == 503) {
                    assertThat(Json.parse(response.body()).path("error").asText())
                            .isEqualTo("busy");
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                    continue;
                }
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(Json.parse(response.body()).path("message").asText()).isEqualTo("Invalid signature");
                refusedAsForged++;
            }
            assertThat(refusedAsForged)
                    .as("bodies read and refused for their signature")
                    .isPositive();
        } finally {
            senders.shutdown();
        }
        assertThat(usedHeapAfterGc() - before)
                .as("heap growth once the 20 forged posts were answered")
                .isLessThan(HEAP_GROWTH_BOUND);
        assertThat(CaptureConnector.events("signed-in")).isEmpty();
    }

    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
