package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.store.PostgresServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploying to one runtime of a cluster deploys everywhere: two runtimes in this JVM (a KRaft broker
 * and a PostgreSQL server shared by both), each with its admin API on real HTTP. A flow deployed
 * through A is served by B's webhook; replaced through B, A runs the new version, and no event
 * accepted meanwhile is lost; a bad flow is refused with pointers and changes nothing; stop, start and
 * delete reach both; a runtime that starts later runs what the store holds. A schema registered through
 * one runtime is enforced by a flow deployed through the other.
 */
class ClusterDeployTest {
    private static final Duration PICK_UP = Duration.ofSeconds(10);
    private static final Pattern DELIVERY = Pattern.compile("\"version\"\\s*:\\s*(\\d+).*\"seq\"\\s*:\\s*(\\d+)");

    @TempDir
    static Path dir;

    static KafkaClusterTestKit kafka;
    static String db;
    static HttpServer sink;
    static final ConcurrentLinkedQueue<String> delivered = new ConcurrentLinkedQueue<>();
    static InProcessMember a;
    static InProcessMember b;

    @BeforeAll
    static void start() throws Exception {
        // the broker and the database server start side by side: most of this test's time
        CompletableFuture<String> database = CompletableFuture.supplyAsync(
                () -> PostgresServer.withPassword(PostgresServer.get().newDatabase()));
        kafka = ClusterProcesses.broker();
        db = database.get();
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        sink.createContext("/events", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
        // side by side too, as runtimes of a cluster start: both migrate the same new database and create the topic
        CompletableFuture<InProcessMember> startingB = CompletableFuture.supplyAsync(() -> member("runtime-b"));
        try {
            a = member("runtime-a");
        } finally {
            b = startingB.get(); // kept for @AfterAll to close, whether A started or not
        }
    }

    private static InProcessMember member(String name) {
        try {
            return InProcessMember.start(name, dir.resolve(name), kafka.bootstrapServers(), "deploys", db, List.of());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {b, a}) {
            if (part != null) {
                part.close();
            }
        }
        if (sink != null) {
            sink.stop(0);
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    static String greet(int version) {
        return """
                {
                  "format": "switchboard/flow@1",
                  "id": "greet",
                  "nodes": [
                    { "id": "hook", "type": "webhook", "config": { "path": "/hooks/greet" } },
                    { "id": "deliver", "type": "http.request",
                      "config": { "method": "POST", "url": "http://127.0.0.1:%d/events",
                                  "body": "{\\"version\\": %d, \\"seq\\": {{data.seq}}}" } }
                  ],
                  "wires": [ { "from": "hook", "to": "deliver" } ]
                }
                """.formatted(sink.getAddress().getPort(), version);
    }

    /** The sequence numbers delivered by {@code version} of the flow. */
    static Set<Integer> deliveredBy(int version) {
        Set<Integer> seqs = ConcurrentHashMap.newKeySet();
        for (String body : delivered) {
            Matcher m = DELIVERY.matcher(body);
            if (m.find() && Integer.parseInt(m.group(1)) == version) {
                seqs.add(Integer.parseInt(m.group(2)));
            }
        }
        return seqs;
    }

    static long revision(InProcessMember member, String flow) throws Exception {
        HttpResponse<String> shown = member.admin("GET", "/api/flows/" + flow, null);
        return shown.statusCode() == 200
                ? Json.parse(shown.body()).path("revision").asLong()
                : -1;
    }

    static long storedRevision(String flow) throws SQLException {
        try (Connection c = DriverManager.getConnection(db);
                PreparedStatement s = c.prepareStatement("SELECT revision FROM cluster_flows WHERE id = ?")) {
            s.setString(1, flow);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    @Test
    void aFlowDeployedThroughOneRuntimeRunsInEveryOneAndChangesReachThemAll() throws Exception {
        // deployed through A's admin API: B serves its webhook
        HttpResponse<String> created = a.admin("PUT", "/api/flows/greet", greet(1));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Json.parse(created.body()).path("revision").asLong()).isEqualTo(1);
        await("B runs greet r1").atMost(PICK_UP).until(() -> revision(b, "greet") == 1);
        assertThat(b.post("/hooks/greet", "{\"seq\": 1}")).isEqualTo(202);
        await("B's event delivered").atMost(PICK_UP).until(() -> deliveredBy(1).contains(1));

        // replaced through B while events keep arriving at A: A runs version 2, none accepted is lost
        Set<Integer> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        Thread sender = new Thread(() -> {
            for (int seq = 100; sending.get() && seq < 10_000; seq++) {
                try {
                    if (a.post("/hooks/greet", "{\"seq\": " + seq + "}") == 202) {
                        accepted.add(seq);
                    }
                } catch (Exception e) {
                    sendFailure.set(e);
                    return;
                }
            }
        });
        sender.start();
        await().atMost(PICK_UP).until(() -> accepted.size() >= 10);
        HttpResponse<String> replaced = b.admin("PUT", "/api/flows/greet", greet(2));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        await("A runs greet r2").atMost(PICK_UP).until(() -> revision(a, "greet") == 2);
        assertThat(a.runtime.engine().deployedFlow("greet").orElseThrow()).isEqualTo(FlowCodec.read(greet(2)));
        int acceptedAfterReplace = accepted.size();
        await().atMost(PICK_UP).until(() -> accepted.size() >= acceptedAfterReplace + 10);
        sending.set(false);
        sender.join();
        assertThat(sendFailure.get()).as("sending to A").isNull();
        await("every event A accepted delivered, by version 1 or 2")
                .atMost(Duration.ofSeconds(20))
                .until(() -> {
                    Set<Integer> all = new HashSet<>(deliveredBy(1));
                    all.addAll(deliveredBy(2));
                    return all.containsAll(accepted);
                });
        assertThat(deliveredBy(2)).as("events after the replace run version 2").isNotEmpty();

        // readiness and metrics of A say which revision runs there, and what A consumes
        HttpResponse<String> ready = a.admin("GET", "/health/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("flow revisions here: greet r2").contains("partitions of 'deploys'");
        String metrics = a.admin("GET", "/metrics", null).body();
        assertThat(metrics)
                .contains("switchboard_cluster_flow_revision{flow=\"greet\"} 2.0")
                .contains("switchboard_cluster_flow_behind{flow=\"greet\"} 0.0")
                .contains("switchboard_cluster_partitions_assigned{topic=\"deploys\"}")
                .contains("switchboard_cluster_consumer_lag{topic=\"deploys\"}");
        // read while the group may still be rebalancing (a member can hold nothing for a moment): awaited
        await("each partition assigned to one of the two")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    List<String> assigned = new ArrayList<>();
                    for (InProcessMember member : List.of(a, b)) {
                        Matcher m = Pattern.compile(
                                        "switchboard_cluster_partition_assigned\\{partition=\"(\\d)\",topic=\"deploys\"} 1.0")
                                .matcher(member.admin("GET", "/metrics", null).body());
                        while (m.find()) {
                            assigned.add(m.group(1));
                        }
                    }
                    assertThat(assigned).containsExactlyInAnyOrder("0", "1");
                });

        // a bad flow is refused with pointers, and nothing changes anywhere
        String bad = greet(3).replace("\"to\": \"deliver\"", "\"to\": \"nowhere\"");
        HttpResponse<String> refused = a.admin("PUT", "/api/flows/greet", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Json.parse(refused.body()).path("problems").toString()).contains("/wires/0/to");
        assertThat(storedRevision("greet")).isEqualTo(2);
        assertThat(revision(a, "greet")).isEqualTo(2);
        assertThat(revision(b, "greet")).isEqualTo(2);

        // stopped through A: stopped in B; started through B: runs in A again
        assertThat(a.admin("POST", "/api/flows/greet/stop", null).statusCode()).isEqualTo(200);
        await("B stopped greet")
                .atMost(PICK_UP)
                .until(() -> Json.parse(b.admin("GET", "/api/flows/greet", null).body())
                        .path("status")
                        .asText()
                        .equals("stopped"));
        assertThat(b.runtime.engine().deployedFlowIds()).doesNotContain("greet");
        assertThat(b.admin("POST", "/api/flows/greet/start", null).statusCode()).isEqualTo(200);
        await("A runs greet again")
                .atMost(PICK_UP)
                .until(() -> a.runtime.engine().deployedFlowIds().contains("greet"));
        assertThat(revision(a, "greet")).isEqualTo(4);

        // a runtime that starts later runs what the store holds: the stored greet, not the one it was given,
        // and a flow only it was given is stored and reaches the others
        String other = greet(9).replace("\"greet\"", "\"other\"").replace("/hooks/greet", "/hooks/other");
        try (InProcessMember c = InProcessMember.start(
                "runtime-c",
                dir.resolve("c"),
                kafka.bootstrapServers(),
                "deploys",
                db,
                List.of(FlowCodec.read(greet(7)), FlowCodec.read(other)))) {
            assertThat(c.runtime.engine().deployedFlow("greet").orElseThrow()).isEqualTo(FlowCodec.read(greet(2)));
            assertThat(revision(c, "greet")).isEqualTo(4);
            await("A runs the flow C brought").atMost(PICK_UP).until(() -> revision(a, "other") == 1);
        }

        // deleted through B: gone in both
        assertThat(b.admin("DELETE", "/api/flows/greet", null).statusCode()).isEqualTo(200);
        await("A deleted greet")
                .atMost(PICK_UP)
                .until(() -> a.admin("GET", "/api/flows/greet", null).statusCode() == 404);
        assertThat(a.runtime.engine().deployedFlowIds()).doesNotContain("greet");
        assertThat(b.post("/hooks/greet", "{\"seq\": 2}")).isEqualTo(404);
        assertThat(a.post("/hooks/greet", "{\"seq\": 3}")).isEqualTo(404);
    }

    @Test
    void aSchemaRegisteredThroughOneRuntimeIsEnforcedByAFlowDeployedThroughAnother() throws Exception {
        String schema =
                "{\"type\": \"object\", \"required\": [\"id\"]," + " \"properties\": {\"id\": {\"type\": \"string\"}}}";
        String flow = """
                {"format": "switchboard/flow@1", "id": "orders-in", "nodes": [
                  {"id": "hook", "type": "webhook", "config": {"path": "/hooks/orders-in"},
                   "contract": {"subject": "cluster-orders@1", "enforcement": "reject"}},
                  {"id": "say", "type": "log", "config": {}}
                ], "wires": [{"from": "hook", "to": "say"}]}
                """;
        HttpResponse<String> registered = a.admin("POST", "/api/schemas/cluster-orders", schema);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(b.admin("GET", "/api/schemas/cluster-orders/1", null).statusCode())
                .as("B reads what A registered")
                .isEqualTo(200);

        HttpResponse<String> deployed = b.admin("PUT", "/api/flows/orders-in", flow);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        await("A runs orders-in").atMost(PICK_UP).until(() -> revision(a, "orders-in") == 1);
        assertThat(a.post("/hooks/orders-in", "{\"id\": 7}")).isEqualTo(400);
        assertThat(b.post("/hooks/orders-in", "{\"id\": 7}")).isEqualTo(400);
        assertThat(a.post("/hooks/orders-in", "{\"id\": \"o-7\"}")).isEqualTo(202);

        HttpResponse<String> breaking =
                b.admin("POST", "/api/schemas/cluster-orders", schema.replace("\"string\"", "\"integer\""));
        assertThat(breaking.statusCode()).as(breaking.body()).isEqualTo(409);
        assertThat(breaking.body()).contains("/properties/id");
        assertThat(b.admin("DELETE", "/api/flows/orders-in", null).statusCode()).isEqualTo(200);
    }
}
