package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.runtime.cli.SwitchboardCli;
import dev.switchboard.runtime.store.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode with real parts, each runtime its own JVM: a KRaft broker (in this JVM), a PostgreSQL
 * server, three {@code switchboard run --cluster} processes on their own webhook ports, and a sink
 * here that counts every delivery. Webhook events go to all three ports; the runtime that holds the
 * schedule's lease is killed outright in the middle. Every event that got its 202 must reach the
 * sink, duplicates only as at-least-once allows, each key's events in the order they were accepted,
 * and the schedule fires once per tick across the cluster, also after its holder died.
 */
class ClusterIT {
    private static final int EVENTS = 3_000;
    private static final int KEYS = 60;
    private static final int SENDERS = 12;
    private static final int RUNTIMES = 3;
    private static final Pattern ADMIN = Pattern.compile("admin: +(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern PARTITIONS = Pattern.compile("partitions of 'switchboard\\.events': ([^;\"]*)");

    /** Kept when the test fails: the runtimes' output is there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private KafkaClusterTestKit kafka;
    private ClusterSink sink;
    private final List<Process> runtimes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        runtimes.forEach(Process::destroyForcibly);
        for (Process p : runtimes) {
            p.onExit().get();
        }
        if (sink != null) {
            sink.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void threeRuntimesShareTheEventsAndLoseNoneWhenOneIsKilled() throws Exception {
        kafka = broker();
        String db = PostgresServer.get().newDatabase();
        sink = new ClusterSink();
        Path flows = Files.createDirectories(dir.resolve("flows"));
        Files.writeString(flows.resolve("orders.flow.json"), ordersFlow(sink.baseUrl()));
        Files.writeString(flows.resolve("ticks.flow.json"), ticksFlow(sink.baseUrl()));
        int[] ports = new int[RUNTIMES];
        for (int i = 0; i < RUNTIMES; i++) {
            ports[i] = freePort();
            runtimes.add(startRuntime(dir, kafka.bootstrapServers(), i, ports[i], db, flows, true));
        }
        for (int i = 0; i < RUNTIMES; i++) {
            Path out = dir.resolve("runtime-" + i + ".out");
            int n = i;
            await("runtime " + i + " started")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(runtimes.get(n).isAlive())
                                .as("runtime %d exited early:%n%s", n, Files.readString(out))
                                .isTrue();
                        return Files.readString(out).contains("  webhooks:");
                    });
        }
        // the runtime running the schedule is the one to die: its trigger must move too
        String holder = await("a runtime holds the schedule's lease")
                .atMost(Duration.ofSeconds(30))
                .until(() -> leaseOwner(db, "ticks:tick"), owner -> owner != null);
        int victim = victimIndex(holder);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicReference<Instant> killedAt = new AtomicReference<>();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        Instant sendStart = Instant.now();
        List<Future<?>> sending = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            sending.add(senders.submit(() -> {
                // this sender owns the keys k ≡ sender (mod SENDERS): each key's events go one after the other
                for (int seq = 0; seq < EVENTS; seq++) {
                    int key = seq % KEYS;
                    if (key % SENDERS != sender) {
                        continue;
                    }
                    String body = "{\"key\":\"k" + key + "\",\"seq\":" + seq + "}";
                    for (int attempt = 0; ; attempt++) {
                        int port = ports[(seq + attempt) % RUNTIMES];
                        if (send(http, port, body)) {
                            acknowledged.add("k" + key + "/" + seq);
                            break;
                        }
                        refused.incrementAndGet();
                    }
                    if (acknowledged.size() >= EVENTS / 3 && killed.compareAndSet(false, true)) {
                        runtimes.get(victim).destroyForcibly();
                        killedAt.set(Instant.now());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : sending) {
            f.get();
        }
        senders.shutdown();
        Duration sendTime = Duration.between(sendStart, Instant.now());
        assertThat(acknowledged).hasSize(EVENTS);

        await("every acknowledged event delivered")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .conditionEvaluationListener(condition -> {
                    if (condition.getElapsedTimeInMS() % 10_000 < 500) {
                        Set<String> missing = new HashSet<>(acknowledged);
                        missing.removeAll(delivered(sink.byKey()));
                        System.out.printf(
                                "ClusterIT: %d ticks, %d deliveries, %d unreadable (e.g. %s), %d acknowledged events missing"
                                        + " (e.g. %s); output in %s%n",
                                sink.ticks().size(),
                                sink.deliveries(),
                                sink.unreadable().size(),
                                sink.unreadable().stream().limit(1).toList(),
                                missing.size(),
                                missing.stream().limit(5).toList(),
                                dir);
                    }
                })
                .until(() -> delivered(sink.byKey()).containsAll(acknowledged));
        Duration deliverTime = Duration.between(sendStart, Instant.now());
        Map<String, List<Integer>> byKey = sink.byKey();
        Set<String> delivered = delivered(byKey);
        int deliveries = byKey.values().stream().mapToInt(List::size).sum();
        int duplicates = deliveries - delivered.size();
        System.out.printf(
                "ClusterIT: %d events sent, %d acknowledged (202), %d delivered (distinct), %d duplicates, "
                        + "%d refused attempts (killed runtime's port), sent in %d ms, all delivered after %d ms%n",
                EVENTS,
                acknowledged.size(),
                delivered.size(),
                duplicates,
                refused.get(),
                sendTime.toMillis(),
                deliverTime.toMillis());

        assertThat(sink.unreadable()).isEmpty();
        assertThat(delivered).containsAll(acknowledged).hasSize(EVENTS);
        // at-least-once: a copy only of what the killed runtime had started and not committed
        assertThat(duplicates).isLessThanOrEqualTo(EVENTS / 2);
        byKey.forEach((key, seqs) -> assertThat(firstDeliveries(seqs))
                .as("events of %s in the order they were accepted", key)
                .isSorted());

        // settings.orderingKey spread the flow's events over the partitions (the flow id alone would use one)
        assertThat(partitionsWithRecords()).as("partitions holding events").hasSizeGreaterThan(1);

        // the survivors are ready (a schedule stopped here because another runtime runs it is no fault) and
        // between them consume every partition
        await("the survivors consume every partition")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Set<Integer> consumed = new HashSet<>();
                    for (int i = 0; i < RUNTIMES; i++) {
                        if (i != victim) {
                            consumed.addAll(partitionsOf(http, i));
                        }
                    }
                    assertThat(consumed).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
                });

        // the schedule: after its holder died, another runtime fires it, and never two at once
        Instant after = killedAt.get().plusSeconds(1);
        await("the schedule fires again after its runtime died")
                .atMost(Duration.ofSeconds(60))
                .until(() -> sink.ticks().stream().filter(t -> t.isAfter(after)).count() >= 3);
        List<Instant> ticks = sink.ticks();
        Instant first = ticks.stream().min(Instant::compareTo).orElseThrow();
        Instant last = ticks.stream().max(Instant::compareTo).orElseThrow();
        long seconds = first.until(last, ChronoUnit.SECONDS);
        System.out.printf(
                "ClusterIT: %d schedule ticks over %d s; events in partitions %s%n",
                ticks.size(), seconds, partitionsWithRecords());
        assertThat((long) ticks.size()).isLessThanOrEqualTo(seconds + 2);
    }

    private List<Integer> partitionsWithRecords() throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 6; p++) {
                latest.put(new TopicPartition("switchboard.events", p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .filter(e -> e.getValue().offset() > 0)
                    .map(e -> e.getKey().partition())
                    .sorted()
                    .toList();
        }
    }

    /** The partitions runtime {@code index} says it consumes on {@code /health/ready}, which must answer 200. */
    private Set<Integer> partitionsOf(HttpClient http, int index) throws Exception {
        Matcher admin = ADMIN.matcher(Files.readString(dir.resolve("runtime-" + index + ".out")));
        assertThat(admin.find())
                .as("runtime %d printed its admin address", index)
                .isTrue();
        HttpResponse<String> ready = http.send(
                HttpRequest.newBuilder(URI.create(admin.group(1) + "/health/ready"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as("ready: %s", ready.body()).isEqualTo(200);
        Matcher partitions = PARTITIONS.matcher(ready.body());
        assertThat(partitions.find()).as("partitions in %s", ready.body()).isTrue();
        Set<Integer> consumed = new HashSet<>();
        Matcher number = Pattern.compile("(\\d+)(?: \\(lag \\d+\\))?").matcher(partitions.group(1));
        while (number.find()) {
            consumed.add(Integer.parseInt(number.group(1)));
        }
        return consumed;
    }

    private static boolean send(HttpClient http, int port, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/orders"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
        } catch (IOException e) {
            return false; // the runtime behind the port was killed: the event is not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> delivered(Map<String, List<Integer>> byKey) {
        Set<String> all = new HashSet<>();
        byKey.forEach((key, seqs) -> seqs.forEach(seq -> all.add(key + "/" + seq)));
        return all;
    }

    /** A key's deliveries without the repeats: the order in which each event first ran. */
    private static List<Integer> firstDeliveries(List<Integer> seqs) {
        return List.copyOf(new LinkedHashSet<>(seqs));
    }

    private int victimIndex(String leaseOwner) {
        for (int i = 0; i < runtimes.size(); i++) {
            if (leaseOwner.endsWith("-" + runtimes.get(i).pid())) {
                return i;
            }
        }
        throw new AssertionError("No runtime of this test owns the lease: " + leaseOwner);
    }

    private static String leaseOwner(String db, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresServer.withPassword(db));
                PreparedStatement s =
                        c.prepareStatement("SELECT owner FROM cluster_leases WHERE name = ? AND expires_at > now()")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return null; // no runtime has migrated the store yet
            }
            throw e;
        }
    }

    /**
     * Starts {@code switchboard run --cluster} in a JVM of its own, its output in {@code
     * runtime-<index>.out} under {@code dir}; {@code quickStart} limits the JIT to C1 (tests), a
     * benchmark leaves it alone.
     */
    static Process startRuntime(
            Path dir, String bootstrap, int index, int port, String db, Path flows, boolean quickStart)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC"));
        if (quickStart) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                SwitchboardCli.class.getName(),
                "run",
                "--cluster",
                "--kafka",
                bootstrap,
                "--kafka-partitions",
                "6",
                "--db",
                db,
                "--port",
                "" + port,
                "--admin-port",
                "0",
                "--admin-token",
                "cluster-test-token",
                "--data",
                dir.resolve("data-" + index).toString(),
                "--event-log",
                "off",
                flows.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("runtime-" + index + ".out").toFile());
        builder.environment().put("SWITCHBOARD_DB_PASSWORD", PostgresServer.PASSWORD);
        return builder.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static KafkaClusterTestKit broker() throws Exception {
        KafkaClusterTestKit broker = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("num.io.threads", "2")
                .setConfigProp("num.network.threads", "2")
                .setConfigProp("background.threads", "2")
                .build();
        broker.format();
        broker.startup();
        broker.waitForReadyBrokers();
        return broker;
    }

    static String ordersFlow(String sink) {
        return """
                {
                  "format": "switchboard/flow@1",
                  "id": "orders",
                  "name": "Orders",
                  "settings": { "orderingKey": "{{data.key}}" },
                  "nodes": [
                    { "id": "hook", "type": "webhook", "config": { "path": "/hooks/orders" } },
                    { "id": "deliver", "type": "http.request",
                      "config": { "method": "POST", "url": "%s/events",
                                  "body": "{\\"key\\": {{data.key}}, \\"seq\\": {{data.seq}}}" } }
                  ],
                  "wires": [ { "from": "hook", "to": "deliver" } ]
                }
                """.formatted(sink);
    }

    private static String ticksFlow(String sink) {
        return """
                {
                  "format": "switchboard/flow@1",
                  "id": "ticks",
                  "name": "Ticks",
                  "nodes": [
                    { "id": "tick", "type": "schedule", "config": { "mode": "cron", "cron": "* * * * * ?" } },
                    { "id": "deliver", "type": "http.request",
                      "config": { "method": "POST", "url": "%s/ticks",
                                  "body": "{\\"firedAt\\": \\"{{data.firedAt}}\\"}" } }
                  ],
                  "wires": [ { "from": "tick", "to": "deliver" } ]
                }
                """.formatted(sink);
    }
}
