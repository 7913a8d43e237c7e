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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The cluster tests' parts: a one-node KRaft broker in this JVM, a database on the test PostgreSQL
 * server, and {@code switchboard run --cluster} processes in JVMs of their own, all on the flows in
 * {@code <dir>/flows}. Runtime {@code i} writes its output to {@code <dir>/runtime-<i>.out} and has
 * {@code SB_RUNTIME=runtime-<i>} in its environment, so a flow can say which runtime delivered.
 */
final class ClusterProcesses implements AutoCloseable {
    static final int PARTITIONS = 6;
    static final String ADMIN_TOKEN = "cluster-test-token";
    private static final Pattern ADMIN = Pattern.compile("admin: +(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern PARTITION_LIST = Pattern.compile("partitions of 'switchboard\\.events': ([^;\"]*)");
    private static final Pattern PARTITION = Pattern.compile("(\\d+)(?: \\(lag \\d+\\))?");

    private final Path dir;
    private final Path flows;
    private final KafkaClusterTestKit kafka;
    private final String db;
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final List<Integer> ports = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    ClusterProcesses(Path dir) throws Exception {
        this.dir = dir;
        this.flows = Files.createDirectories(dir.resolve("flows"));
        this.kafka = broker();
        this.db = PostgresServer.get().newDatabase();
    }

    /** Where the runtimes read their flows at start. */
    Path flows() {
        return flows;
    }

    /** Starts the next runtime (C1 only, for tests); returns its index. Its port is free, not yet served. */
    int startRuntime() throws IOException {
        int index = processes.size();
        int port = freePort();
        ports.add(port);
        processes.add(startRuntime(dir, kafka.bootstrapServers(), index, port, db, flows, true));
        return index;
    }

    /** Waits until runtime {@code index} serves its webhooks; fails when it exits first. */
    void awaitStarted(int index) {
        Path out = output(index);
        await("runtime " + index + " started")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(process(index).isAlive())
                            .as("runtime %d exited early:%n%s", index, Files.readString(out))
                            .isTrue();
                    return Files.readString(out).contains("  webhooks:");
                });
    }

    Process process(int index) {
        return processes.get(index);
    }

    int port(int index) {
        return ports.get(index);
    }

    int size() {
        return processes.size();
    }

    Path output(int index) {
        return dir.resolve("runtime-" + index + ".out");
    }

    /** The index of the runtime holding the lease {@code name}, once one does. */
    int awaitLeaseHolder(String name) {
        String owner = await("a runtime holds the lease " + name)
                .atMost(Duration.ofSeconds(30))
                .until(() -> leaseOwner(name), Optional::isPresent)
                .orElseThrow();
        for (int i = 0; i < processes.size(); i++) {
            if (owner.endsWith("-" + processes.get(i).pid())) {
                return i;
            }
        }
        throw new AssertionError("No runtime of this test owns the lease: " + owner);
    }

    private Optional<String> leaseOwner(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresServer.withPassword(db));
                PreparedStatement s =
                        c.prepareStatement("SELECT owner FROM cluster_leases WHERE name = ? AND expires_at > now()")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return Optional.empty(); // no runtime has migrated the store yet
            }
            throw e;
        }
    }

    /** The partitions of the event log that hold records. */
    List<Integer> partitionsWithRecords() throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
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
    Set<Integer> partitionsOf(int index) throws Exception {
        HttpResponse<String> ready = http.send(
                HttpRequest.newBuilder(URI.create(adminUrl(index) + "/health/ready"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as("ready: %s", ready.body()).isEqualTo(200);
        Matcher list = PARTITION_LIST.matcher(ready.body());
        assertThat(list.find()).as("partitions in %s", ready.body()).isTrue();
        Set<Integer> consumed = new TreeSet<>();
        Matcher number = PARTITION.matcher(list.group(1));
        while (number.find()) {
            consumed.add(Integer.parseInt(number.group(1)));
        }
        return consumed;
    }

    /** {@code PUT /api/flows/{id}} on runtime {@code index}'s admin API. */
    HttpResponse<String> putFlow(int index, String id, String flow) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(adminUrl(index) + "/api/flows/" + id))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .PUT(HttpRequest.BodyPublishers.ofString(flow))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String adminUrl(int index) throws IOException {
        Matcher admin = ADMIN.matcher(Files.readString(output(index)));
        assertThat(admin.find())
                .as("runtime %d printed its admin address", index)
                .isTrue();
        return admin.group(1);
    }

    @Override
    public void close() throws Exception {
        processes.forEach(Process::destroyForcibly);
        for (Process p : processes) {
            p.onExit().get();
        }
        kafka.close();
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
                "" + PARTITIONS,
                "--db",
                db,
                "--port",
                "" + port,
                "--admin-port",
                "0",
                "--admin-token",
                ADMIN_TOKEN,
                "--data",
                dir.resolve("data-" + index).toString(),
                "--event-log",
                "off",
                flows.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("runtime-" + index + ".out").toFile());
        builder.environment().put("SWITCHBOARD_DB_PASSWORD", PostgresServer.PASSWORD);
        builder.environment().put("SB_RUNTIME", "runtime-" + index);
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

    /** A plain flow: webhook {@code /hooks/orders} → POST {key, seq} to the sink, ordered by the key. */
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
}
