package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.support.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under load, on the headless runtime as a separate JVM: senders keep posting while the
 * runtime stops, then it is started again and finishes what it kept. Every acknowledged event of
 * the {@code deliver} flow reaches its target exactly once, and every acknowledged event of the
 * {@code doomed} flow (its target refuses it with a 400) is dead-lettered exactly once: the stop
 * loses nothing and repeats nothing. The store is closed last, after the finished events' deletes
 * were committed (H2's own shutdown hook used to close it first).
 */
class GracefulShutdownTest {
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @TempDir
    static Path dir;

    static TargetServer target;
    static RefusingServer refusing;
    static int port;
    static final List<Process> started = new CopyOnWriteArrayList<>();
    static final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void setUp() throws Exception {
        target = new TargetServer();
        refusing = new RefusingServer();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(dir.resolve("flows"));
        Files.writeString(dir.resolve("flows/deliver.flow.json"), """
                {
                  "format": "switchboard/flow@1",
                  "id": "deliver",
                  "nodes": [
                    { "id": "in", "type": "webhook", "config": { "path": "/hooks/deliver" } },
                    { "id": "send", "type": "http.request", "config": { "method": "POST", "url": "%s" } }
                  ],
                  "wires": [ { "from": "in", "to": "send" } ]
                }
                """.formatted(target.url()));
        Files.writeString(dir.resolve("flows/doomed.flow.json"), """
                {
                  "format": "switchboard/flow@1",
                  "id": "doomed",
                  "nodes": [
                    { "id": "in", "type": "webhook", "config": { "path": "/hooks/doomed" } },
                    { "id": "send", "type": "http.request", "config": { "method": "POST", "url": "%s" } }
                  ],
                  "wires": [ { "from": "in", "to": "send" } ]
                }
                """.formatted(refusing.url()));
    }

    @AfterAll
    static void tearDown() {
        started.forEach(Process::destroyForcibly); // only matters when the test failed half-way
        target.close();
        refusing.close();
    }

    static Process startRuntime(String name) throws IOException {
        return launch(name, "flows", "data", port)
                .awaitOutput("Switchboard is running")
                .process();
    }

    static CliProcess launch(String name, String flows, String data, int webhookPort) throws IOException {
        CliProcess runtime = CliProcess.start(
                dir.resolve(name + ".log"),
                List.of("-Dswitchboard.test.engineLog=INFO"),
                "run",
                dir.resolve(flows).toString(),
                "--port",
                String.valueOf(webhookPort),
                "--data",
                dir.resolve(data).toString(),
                "--drain-timeout",
                "20s",
                "--admin-port",
                "0");
        started.add(runtime.process());
        return runtime;
    }

    @Test
    void sigtermUnderLoadLosesNothingAndRepeatsNothing() throws Exception {
        Process first = startRuntime("first");
        Set<Integer> ackedDeliver = ConcurrentHashMap.newKeySet();
        Set<Integer> ackedDoomed = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        for (int t = 0; t < 16; t++) {
            int sender = t;
            senders.execute(() -> {
                for (int i = 0; sending.get(); i++) {
                    int n = sender * 1_000_000 + i;
                    send("/hooks/deliver", n, ackedDeliver);
                    send("/hooks/doomed", n, ackedDoomed);
                }
            });
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> ackedDeliver.size() >= 1500);

        first.destroy(); // SIGTERM, with the senders still sending
        assertThat(first.waitFor(60, TimeUnit.SECONDS))
                .as("the runtime stops on SIGTERM")
                .isTrue();
        sending.set(false);
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        String firstLog = Files.readString(dir.resolve("first.log"));
        assertThat(first.exitValue()).as("exit code; log:%n%s", firstLog).isZero();
        assertThat(firstLog)
                .contains("Stopping: finishing in-flight events")
                .doesNotContain("already closed")
                .doesNotContain("has been closed")
                .doesNotContain("lost its connection")
                .doesNotContain("could not run")
                .doesNotContain("Exception");
        int deliveredBeforeRestart = target.deliveriesByKey().size();

        Process second = startRuntime("second");
        try {
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                assertThat(target.deliveriesByKey().keySet())
                        .containsAll(ackedDeliver.stream().map(String::valueOf).toList());
                assertThat(deadLettered().keySet()).containsAll(ackedDoomed);
            });
        } finally {
            second.destroy();
        }
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();

        Map<Integer, Integer> deadLettered = deadLettered();
        System.out.printf(
                "graceful shutdown: acknowledged deliver=%d doomed=%d, refused %d; delivered before restart=%d, after=%d;"
                        + " deliveries=%d (distinct %d); dead letters=%d (distinct %d)%n",
                ackedDeliver.size(),
                ackedDoomed.size(),
                refused.get(),
                deliveredBeforeRestart,
                target.deliveriesByKey().size(),
                target.received().size(),
                target.deliveriesByKey().size(),
                deadLettered.values().stream().mapToInt(Integer::intValue).sum(),
                deadLettered.size());
        assertThat(target.deliveriesByKey())
                .as("each delivered once")
                .allSatisfy((n, count) -> assertThat(count.get()).isOne());
        assertThat(deadLettered)
                .as("each dead-lettered once")
                .allSatisfy((n, count) -> assertThat(count).isOne());
        assertThat(refusing.attempts())
                .as("a refused event is not sent again after the restart")
                .isEqualTo(deadLettered.size());
    }

    /**
     * A flow of thousands of nodes takes seconds to start; SIGTERM meanwhile stops the start between
     * two batches of routes, and the runtime exits cleanly instead of finishing the start first.
     */
    @Test
    void sigtermWhileAVeryLargeFlowStartsStopsTheStart() throws Exception {
        int nodes = 6000;
        StringBuilder flow = new StringBuilder("{\"format\": \"switchboard/flow@1\", \"id\": \"big\", \"nodes\": [")
                .append("{\"id\": \"in\", \"type\": \"webhook\", \"config\": {\"path\": \"/hooks/big\"}}");
        StringBuilder wires = new StringBuilder("{\"from\": \"in\", \"to\": \"m0\"}");
        for (int i = 0; i < nodes; i++) {
            flow.append(", {\"id\": \"m")
                    .append(i)
                    .append("\", \"type\": \"map\", \"config\": {\"fields\": {\"n\": \"{{data.n}}\"}}}");
            if (i > 0) {
                wires.append(", {\"from\": \"m")
                        .append(i - 1)
                        .append("\", \"to\": \"m")
                        .append(i)
                        .append("\"}");
            }
        }
        Files.createDirectories(dir.resolve("big-flows"));
        Files.writeString(dir.resolve("big-flows/big.flow.json"), flow + "], \"wires\": [" + wires + "]}");

        Process process = launch("big", "big-flows", "big-data", 0)
                .awaitOutput("Engine started")
                .process();
        process.destroy(); // SIGTERM while the flow's routes start

        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("stopped while starting")
                .isTrue();
        String log = Files.readString(dir.resolve("big.log"));
        assertThat(process.exitValue()).as("exit code; log:%n%s", log).isZero();
        assertThat(log).contains("Stopping: finishing in-flight events").doesNotContain("Switchboard is running");
    }

    /** Dead letters of the doomed flow by event number, read from the store once no runtime holds it. */
    private static Map<Integer, Integer> deadLettered() throws Exception {
        Map<Integer, Integer> byN = new HashMap<>();
        try (Store store = Store.openDefault(dir.resolve("data"));
                Connection c = store.connection();
                PreparedStatement s = c.prepareStatement("SELECT event FROM dead_letters WHERE flow_id = 'doomed'");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                byN.merge(Json.parse(r.getString(1)).path("data").path("n").asInt(), 1, Integer::sum);
            }
        }
        return byN;
    }

    private static void send(String path, int n, Set<Integer> acked) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("n", n))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                acked.add(n);
            }
        } catch (IOException e) {
            refused.incrementAndGet(); // the runtime is stopping or down: not acknowledged, so not promised
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A target that refuses every event for good (400) and counts how often it was asked. */
    static final class RefusingServer implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private final java.util.concurrent.atomic.LongAdder attempts = new java.util.concurrent.atomic.LongAdder();

        RefusingServer() throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 200);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                attempts.increment();
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/refuse";
        }

        long attempts() {
            return attempts.sum();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
