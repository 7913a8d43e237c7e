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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --cluster} against a KRaft broker whose listener takes SASL_PLAINTEXT (mechanism
 * PLAIN, ACLs enforced), each runtime a JVM of its own: with the right credentials — the password a
 * {@code {{secret:…}}} reference resolved from a secrets file — webhook events go through the log to
 * the sink and no output or health answer shows the password; with a wrong password, or a user
 * without rights, the runtime stops at once with one line that says what to check.
 */
class ClusterSaslIT {
    private static final Pattern ADMIN = Pattern.compile("admin: +(http://127\\.0\\.0\\.1:\\d+)");
    private static final Duration START = Duration.ofSeconds(90);
    private static final String WRONG_PASSWORD = "not-the-password-0815";

    private static KafkaClusterTestKit kafka;

    /** Kept when the test fails: the runtimes' output is there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<Process> runtimes = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = TestBrokers.saslPlain();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void stopRuntimes() throws Exception {
        runtimes.forEach(Process::destroyForcibly);
        for (Process p : runtimes) {
            p.onExit().get();
        }
    }

    @Test
    void theRightCredentialsRunEventsThroughTheLogWithoutShowingThePassword() throws Exception {
        String db = PostgresServer.get().newDatabase();
        try (ClusterSink sink = new ClusterSink()) {
            Path flows = flows(sink);
            Path secrets = secretsFile(TestBrokers.SASL_PASSWORD);
            int port = freePort();
            Path out = dir.resolve("runtime.out");
            Process runtime = start(out, db, flows, port, secrets, TestBrokers.SASL_USER);
            await("the runtime started")
                    .atMost(START)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(runtime.isAlive())
                                .as("the runtime exited early:%n%s", Files.readString(out))
                                .isTrue();
                        return Files.readString(out).contains("  webhooks:");
                    });

            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int seq = 0; seq < 5; seq++) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/orders"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"seq\":" + seq + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            }
            await("the events ran from the log")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> sink.byKey().getOrDefault("k", List.of()), seqs -> seqs.size() >= 5);
            assertThat(sink.byKey().get("k")).startsWith(0, 1, 2, 3, 4);

            Matcher admin = ADMIN.matcher(Files.readString(out));
            assertThat(admin.find())
                    .as("admin address in:%n%s", Files.readString(out))
                    .isTrue();
            HttpResponse<String> ready = http.send(
                    HttpRequest.newBuilder(URI.create(admin.group(1) + "/health/ready"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("member ").doesNotContain(TestBrokers.SASL_PASSWORD);
            assertThat(Files.readString(out)).doesNotContain(TestBrokers.SASL_PASSWORD);
        }
    }

    @Test
    void aWrongPasswordStopsTheRuntimeAtOnceWithOneLine() throws Exception {
        String db = PostgresServer.get().newDatabase();
        try (ClusterSink sink = new ClusterSink()) {
            Path out = dir.resolve("wrong-password.out");
            Process runtime =
                    start(out, db, flows(sink), freePort(), secretsFile(WRONG_PASSWORD), TestBrokers.SASL_USER);

            assertThat(await("the runtime gave up")
                            .atMost(START)
                            .until(() -> runtime.isAlive() ? null : runtime.exitValue(), exit -> exit != null))
                    .as("exit code; output:%n%s", Files.readString(out))
                    .isEqualTo(1);
            String output = Files.readString(out);
            assertThat(output)
                    .containsPattern("✗ .*Kafka at " + Pattern.quote(kafka.bootstrapServers())
                            + " refused this runtime's credentials \\(security SASL_PLAINTEXT, SASL PLAIN\\):"
                            + " Authentication failed")
                    .contains("check --kafka-sasl-username and --kafka-sasl-password")
                    .doesNotContain(WRONG_PASSWORD)
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aUserWithoutRightsOnTheTopicIsToldWhatItNeeds() throws Exception {
        String db = PostgresServer.get().newDatabase();
        try (ClusterSink sink = new ClusterSink()) {
            Path out = dir.resolve("no-rights.out");
            Process runtime = start(
                    out,
                    db,
                    flows(sink),
                    freePort(),
                    secretsFile(TestBrokers.SASL_USER_WITHOUT_ACLS_PASSWORD),
                    TestBrokers.SASL_USER_WITHOUT_ACLS);

            assertThat(await("the runtime gave up")
                            .atMost(START)
                            .until(() -> runtime.isAlive() ? null : runtime.exitValue(), exit -> exit != null))
                    .as("exit code; output:%n%s", Files.readString(out))
                    .isEqualTo(1);
            assertThat(Files.readString(out))
                    .contains("does not let this runtime's user use the event log topic 'switchboard.events'")
                    .contains("it needs Describe, Read and Write on the topic")
                    .doesNotContain(TestBrokers.SASL_USER_WITHOUT_ACLS_PASSWORD);
        }
    }

    private Process start(Path out, String db, Path flows, int port, Path secrets, String user) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                SwitchboardCli.class.getName(),
                "run",
                "--cluster",
                "--kafka",
                kafka.bootstrapServers(),
                "--kafka-partitions",
                "2",
                "--kafka-security-protocol",
                "SASL_PLAINTEXT",
                "--kafka-sasl-mechanism",
                "PLAIN",
                "--kafka-sasl-username",
                user,
                "--kafka-sasl-password",
                "{{secret:KAFKA_PASSWORD}}",
                "--secrets",
                secrets.toString(),
                "--db",
                db,
                "--port",
                "" + port,
                "--admin-port",
                "0",
                "--admin-token",
                "sasl-test-token",
                "--data",
                dir.resolve("data-" + out.getFileName()).toString(),
                "--event-log",
                "off",
                flows.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("SWITCHBOARD_DB_PASSWORD", PostgresServer.PASSWORD);
        Process process = builder.start();
        runtimes.add(process);
        return process;
    }

    private Path secretsFile(String password) throws IOException {
        Path file = Files.createTempFile(dir, "secrets", ".env");
        Files.writeString(file, "KAFKA_PASSWORD=" + password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Path flows(ClusterSink sink) throws IOException {
        Path flows = Files.createDirectories(Files.createTempDirectory(dir, "flows"));
        Files.writeString(flows.resolve("orders.flow.json"), """
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
                """.formatted(sink.baseUrl()));
        return flows;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
