package dev.switchboard.runtime.cluster;

import static dev.switchboard.runtime.cluster.ClusterProcesses.freePort;
import static dev.switchboard.runtime.cluster.SecuredRuntimes.awaitExit;
import static dev.switchboard.runtime.cluster.SecuredRuntimes.awaitStarted;
import static dev.switchboard.runtime.cluster.SecuredRuntimes.flows;
import static dev.switchboard.runtime.cluster.SecuredRuntimes.secretsFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.runtime.store.PostgresServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * PLAIN and SCRAM-SHA-256, ACLs enforced), each runtime a JVM of its own: with the right credentials — the password a
 * {@code {{secret:…}}} reference resolved from a secrets file — webhook events go through the log to
 * the sink and no output or health answer shows the password; with a wrong password, or a user
 * without rights, the runtime stops at once with one line that says what to check.
 */
class ClusterSaslIT {
    private static final String WRONG_PASSWORD = "not-the-password-0815";

    private static KafkaClusterTestKit kafka;

    /** Kept when the test fails: the runtimes' output is there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<Process> runtimes = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = TestBrokers.sasl();
        TestBrokers.addScramUser(kafka);
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
        try (ClusterSink sink = new ClusterSink()) {
            int port = freePort();
            Path out = dir.resolve("runtime.out");
            Process runtime = start(out, sink, port, TestBrokers.SASL_USER, TestBrokers.SASL_PASSWORD);
            awaitStarted(runtime, out);

            SecuredRuntimes.post(port, "k", 5);
            await("the events ran from the log")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> sink.byKey().getOrDefault("k", List.of()), seqs -> seqs.size() >= 5);
            assertThat(sink.byKey().get("k")).startsWith(0, 1, 2, 3, 4);

            HttpResponse<String> ready = SecuredRuntimes.ready(out);
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("member ").doesNotContain(TestBrokers.SASL_PASSWORD);
            assertThat(Files.readString(out)).doesNotContain(TestBrokers.SASL_PASSWORD);
        }
    }

    @Test
    void scramCredentialsWorkToo() throws Exception {
        try (ClusterSink sink = new ClusterSink()) {
            int port = freePort();
            Path out = dir.resolve("scram.out");
            Process runtime =
                    start(out, sink, port, "SCRAM-SHA-256", TestBrokers.SCRAM_USER, TestBrokers.SCRAM_PASSWORD);
            awaitStarted(runtime, out);

            SecuredRuntimes.post(port, "s", 3);
            await("the events ran from the log")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> sink.byKey().getOrDefault("s", List.of()), seqs -> seqs.size() >= 3);
            assertThat(Files.readString(out)).doesNotContain(TestBrokers.SCRAM_PASSWORD);
        }
    }

    @Test
    void aWrongPasswordStopsTheRuntimeAtOnceWithOneLine() throws Exception {
        try (ClusterSink sink = new ClusterSink()) {
            Path out = dir.resolve("wrong-password.out");
            Process runtime = start(out, sink, freePort(), TestBrokers.SASL_USER, WRONG_PASSWORD);

            assertThat(awaitExit(runtime))
                    .as("exit code; output:%n%s", Files.readString(out))
                    .isEqualTo(1);
            assertThat(Files.readString(out))
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
        try (ClusterSink sink = new ClusterSink()) {
            Path out = dir.resolve("no-rights.out");
            Process runtime = start(
                    out,
                    sink,
                    freePort(),
                    TestBrokers.SASL_USER_WITHOUT_ACLS,
                    TestBrokers.SASL_USER_WITHOUT_ACLS_PASSWORD);

            assertThat(awaitExit(runtime))
                    .as("exit code; output:%n%s", Files.readString(out))
                    .isEqualTo(1);
            assertThat(Files.readString(out))
                    .contains("does not let this runtime's user use the event log topic 'switchboard.events'")
                    .contains("it needs Describe, Read and Write on the topic")
                    .doesNotContain(TestBrokers.SASL_USER_WITHOUT_ACLS_PASSWORD);
        }
    }

    private Process start(Path out, ClusterSink sink, int port, String user, String password) throws IOException {
        return start(out, sink, port, "PLAIN", user, password);
    }

    /** A runtime with SASL as {@code user}; the password comes from a secrets file as {{secret:KAFKA_PASSWORD}}. */
    private Process start(Path out, ClusterSink sink, int port, String mechanism, String user, String password)
            throws IOException {
        Process process = SecuredRuntimes.start(
                dir,
                out,
                kafka.bootstrapServers(),
                PostgresServer.get().newDatabase(),
                flows(dir, sink),
                port,
                secretsFile(dir, Map.of("KAFKA_PASSWORD", password)),
                List.of(
                        "--kafka-security-protocol",
                        "SASL_PLAINTEXT",
                        "--kafka-sasl-mechanism",
                        mechanism,
                        "--kafka-sasl-username",
                        user,
                        "--kafka-sasl-password",
                        "{{secret:KAFKA_PASSWORD}}"));
        runtimes.add(process);
        return process;
    }
}
