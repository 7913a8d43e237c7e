package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the headless runtime as a separate JVM, sends a few thousand webhook events concurrently
 * to two flows that forward them with http.request, kills it with kill -9 mid-load, restarts it,
 * and checks that every event that got a 202 reached its receiver:
 * <ul>
 * <li>{@code plain}: to a bare HTTP server — at least once;</li>
 * <li>{@code once}: with {@code Idempotency-Key: <event id>} to a second Switchboard runtime in this
 * JVM (never killed) whose flow is webhook → capture of raw arrivals → dedupe on that key →
 * capture — exactly once. A dedupe inside the killed runtime cannot give that: a kill between the
 * side effect and the commit of the key re-sends (see docs/delivery-guarantees.md).</li>
 * </ul>
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class CrashRecoveryTest {
    /** The store this run of the class is on (the lifecycle methods take it as their argument). */
    @Parameter
    TestStore store;

    static final int EVENTS = 2000;
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @TempDir
    static Path tempDir;

    /** This store's folder in the temp folder: the runtime's data, its flows, logs and the sink's store. */
    static Path dir;
    /** The runtime under test's store: null for H2 in {@code dir/data}. */
    static String dbUrl;

    static TargetServer plainTarget;
    static DurableRuntime sink;
    static int port;
    static final List<Process> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeParameterizedClassInvocation
    static void setUp(TestStore store) throws Exception {
        dir = Files.createDirectories(tempDir.resolve(store.name()));
        dbUrl = store.newUrl();
        CaptureConnector.clear("crash-sink-raw");
        CaptureConnector.clear("crash-sink-once");
        plainTarget = new TargetServer();
        sink = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dir.resolve("sink-data"), Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
        sink.engine().deploy(FlowCodec.read("""
                {
                  "format": "switchboard/flow@1",
                  "id": "sink",
                  "nodes": [
                    { "id": "in", "type": "webhook", "config": { "path": "/hooks/sink" } },
                    { "id": "raw", "type": "test.capture", "config": { "sink": "crash-sink-raw" } },
                    { "id": "unique", "type": "dedupe", "config": { "key": "{{httpidempotencykey}}", "window": "1h" } },
                    { "id": "once", "type": "test.capture", "config": { "sink": "crash-sink-once" } }
                  ],
                  "wires": [ { "from": "in", "to": "raw" }, { "from": "raw", "to": "unique" }, { "from": "unique", "to": "once" } ]
                }
                """));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(dir.resolve("flows"));
        Files.writeString(dir.resolve("flows/plain.flow.json"), """
                {
                  "format": "switchboard/flow@1",
                  "id": "plain",
                  "nodes": [
                    { "id": "in", "type": "webhook", "config": { "path": "/hooks/plain" } },
                    { "id": "send", "type": "http.request", "config": { "method": "POST", "url": "%s" } }
                  ],
                  "wires": [ { "from": "in", "to": "send" } ]
                }
                """.formatted(plainTarget.url()));
        Files.writeString(
                dir.resolve("flows/once.flow.json"), """
                {
                  "format": "switchboard/flow@1",
                  "id": "once",
                  "nodes": [
                    { "id": "in", "type": "webhook", "config": { "path": "/hooks/once" } },
                    { "id": "send", "type": "http.request",
                      "config": { "method": "POST", "url": "%s", "idempotencyKey": true, "retries": 5, "retryBackoff": "200ms" } }
                  ],
                  "wires": [ { "from": "in", "to": "send" } ]
                }
                """.formatted(sink.engine().httpBaseUrl() + "/hooks/sink"));
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        started.forEach(Process::destroyForcibly); // only matters when the test failed half-way
        plainTarget.close();
        if (sink != null) {
            sink.close();
        }
    }

    Process startRuntime(String name) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of(
                "run",
                dir.resolve("flows").toString(),
                "--port",
                String.valueOf(port),
                "--drain-timeout",
                "5s",
                "--admin-port",
                "0"));
        args.addAll(TestStore.childArgs(dir.resolve("data"), dbUrl));
        CliProcess runtime = CliProcess.start(
                dir.resolve(name + ".log"), List.of(), TestStore.environment(), args.toArray(String[]::new));
        started.add(runtime.process());
        return runtime.awaitOutput("Switchboard is running").process();
    }

    @Test
    void everyAcknowledgedEventArrivesAfterAKillMinus9AndADedupeAtTheReceiverMakesItExactlyOnce() throws Exception {
        long t0 = System.nanoTime();
        Process first = startRuntime("first");
        long started = System.nanoTime();
        Set<Integer> ackedPlain = ConcurrentHashMap.newKeySet();
        Set<Integer> ackedOnce = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        for (int i = 0; i < EVENTS; i++) {
            int n = i;
            senders.execute(() -> {
                send("/hooks/plain", n, ackedPlain, refused);
                send("/hooks/once", n, ackedOnce, refused);
            });
        }
        // kill -9 a quarter of the way in: events are being accepted, dispatched and delivered at that moment
        await().atMost(Duration.ofSeconds(120)).until(() -> ackedPlain.size() + ackedOnce.size() >= EVENTS / 2);
        long killedAt = System.nanoTime();
        first.destroyForcibly().waitFor();
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int deliveredBeforeRestartPlain = plainTarget.deliveriesByKey().size();
        int deliveredBeforeRestartOnce =
                byN(CaptureConnector.events("crash-sink-raw")).size();

        long sendersDone = System.nanoTime();
        Process second = startRuntime("second");
        long restarted = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                assertThat(plainTarget.deliveriesByKey().keySet())
                        .containsAll(ackedPlain.stream().map(String::valueOf).toList());
                assertThat(byN(CaptureConnector.events("crash-sink-once")).keySet())
                        .containsAll(ackedOnce);
            });
            // the CLI reads the store while the runtime holds it (H2 AUTO_SERVER on loopback)
            java.io.StringWriter out = new java.io.StringWriter();
            picocli.CommandLine cli = dev.switchboard.runtime.cli.SwitchboardCli.commandLine();
            cli.setOut(new java.io.PrintWriter(out));
            List<String> runs = new java.util.ArrayList<>(List.of("runs", "--flow", "once", "--limit", "3"));
            runs.addAll(TestStore.args(dir.resolve("data"), dbUrl));
            assertThat(cli.execute(runs.toArray(String[]::new))).isZero();
            assertThat(out.toString().lines().skip(1)).hasSize(3).allMatch(line -> line.contains(" once "));
            System.out.printf(
                    "crash test timings (s): start %.1f, load to kill %.1f, senders done %.1f, restart %.1f, recovered %.1f%n",
                    (started - t0) / 1e9,
                    (killedAt - started) / 1e9,
                    (sendersDone - killedAt) / 1e9,
                    (restarted - sendersDone) / 1e9,
                    (System.nanoTime() - restarted) / 1e9);
        } finally {
            second.destroy(); // SIGTERM: graceful shutdown
        }
        assertThat(second.waitFor(60, TimeUnit.SECONDS))
                .as("the runtime stops on SIGTERM")
                .isTrue();
        assertThat(Files.readString(dir.resolve("second.log"))).contains("Stopping: finishing in-flight events");
        // the killed runtime's successor is gone, so nothing more arrives: let the sink finish what it accepted
        await().atMost(Duration.ofSeconds(60)).until(() -> sink.inbox().pendingCount() == 0);
        List<Event> raw = CaptureConnector.events("crash-sink-raw");
        Map<Integer, Long> rawByN = byN(raw);
        Map<Integer, Long> onceByN = byN(CaptureConnector.events("crash-sink-once"));
        long duplicatesPlain =
                plainTarget.received().size() - plainTarget.deliveriesByKey().size();
        long rawDuplicatesOnce = raw.size() - rawByN.size();
        System.out.printf(
                "crash test: sent %d per flow; acknowledged plain=%d once=%d; refused after kill=%d;%n"
                        + "  delivered before restart plain=%d once=%d; after restart distinct plain=%d once=%d;%n"
                        + "  duplicates plain=%d; once: raw arrivals at the sink=%d, duplicates removed by its dedupe=%d, "
                        + "delivered exactly once=%d%n",
                EVENTS,
                ackedPlain.size(),
                ackedOnce.size(),
                refused.get(),
                deliveredBeforeRestartPlain,
                deliveredBeforeRestartOnce,
                plainTarget.deliveriesByKey().size(),
                rawByN.size(),
                duplicatesPlain,
                raw.size(),
                rawDuplicatesOnce,
                onceByN.values().stream().filter(count -> count == 1).count());
        assertThat(ackedPlain.size()).as("the kill came mid-load").isLessThan(EVENTS);
        assertThat(onceByN.keySet())
                .as("every event that reached the sink passed its dedupe")
                .isEqualTo(rawByN.keySet())
                .containsAll(ackedOnce);
        assertThat(onceByN)
                .as("each event exactly once behind the receiver's dedupe")
                .allSatisfy((n, count) -> assertThat(count).isOne());
    }

    /** How often each test event number arrived; the forwarded data is the webhook body {"n": n}. */
    private static Map<Integer, Long> byN(List<Event> events) {
        return events.stream()
                .collect(Collectors.groupingBy(e -> e.data().path("n").asInt(), Collectors.counting()));
    }

    private static void send(String path, int n, Set<Integer> acked, AtomicInteger refused) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("n", n))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                acked.add(n);
            }
        } catch (IOException e) {
            refused.incrementAndGet(); // the runtime is down: not acknowledged, so not promised
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
