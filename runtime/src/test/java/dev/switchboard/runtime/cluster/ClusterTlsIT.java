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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --cluster} against a KRaft broker whose listener takes TLS, with a certificate the
 * test makes with the JDK's keytool: with the broker's CA in {@code --kafka-ssl-truststore} (its
 * password a {@code {{secret:…}}} reference) webhook events go through the log; without it the
 * runtime stops at once with one line about TLS.
 */
class ClusterTlsIT {
    private static final String STORE_PASSWORD = "store-pw-31337";

    @TempDir
    static Path stores;

    private static KafkaClusterTestKit kafka;
    private static Path truststore;

    /** Kept when the test fails: the runtimes' output is there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<Process> runtimes = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        Path keystore = stores.resolve("broker.p12");
        Path certificate = stores.resolve("broker.crt");
        truststore = stores.resolve("ca.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD);
        keytool(
                "-exportcert",
                "-alias",
                "broker",
                "-rfc",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                truststore.toString(),
                "-storepass",
                STORE_PASSWORD);
        kafka = TestBrokers.tls(keystore, truststore, STORE_PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool ended").isTrue();
        assertThat(keytool.exitValue()).as("keytool %s: %s", args[0], output).isZero();
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
    void withTheBrokersCaInTheTruststoreEventsRunThroughTheLog() throws Exception {
        try (ClusterSink sink = new ClusterSink()) {
            int port = freePort();
            Path out = dir.resolve("runtime.out");
            Process runtime = start(
                    out,
                    sink,
                    port,
                    List.of(
                            "--kafka-security-protocol",
                            "SSL",
                            "--kafka-ssl-truststore",
                            truststore.toString(),
                            "--kafka-ssl-truststore-password",
                            "{{secret:TRUSTSTORE_PASSWORD}}"));
            awaitStarted(runtime, out);

            SecuredRuntimes.post(port, "t", 3);
            await("the events ran from the log")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> sink.byKey().getOrDefault("t", List.of()), seqs -> seqs.size() >= 3);
            HttpResponse<String> ready = SecuredRuntimes.ready(out);
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body() + Files.readString(out)).doesNotContain(STORE_PASSWORD);
        }
    }

    @Test
    void withoutTheBrokersCaTheRuntimeStopsAtOnceWithOneLine() throws Exception {
        try (ClusterSink sink = new ClusterSink()) {
            Path out = dir.resolve("no-truststore.out");
            Process runtime = start(out, sink, freePort(), List.of("--kafka-security-protocol", "SSL"));

            assertThat(awaitExit(runtime))
                    .as("exit code; output:%n%s", Files.readString(out))
                    .isEqualTo(1);
            // the last line is run's own; the Kafka client's log lines before it may carry a stack trace
            List<String> lines = Files.readAllLines(out);
            assertThat(lines.get(lines.size() - 1))
                    .isEqualTo(
                            "✗ Could not start the engine: Kafka at " + kafka.bootstrapServers() + " and this runtime"
                                    + " could not agree on TLS (security SSL): SSL handshake failed (unable to find valid"
                                    + " certification path to requested target); check --kafka-ssl-truststore (and the"
                                    + " keystore, if the brokers ask for client certificates)");
        }
    }

    private Process start(Path out, ClusterSink sink, int port, List<String> kafkaOptions) throws IOException {
        Process process = SecuredRuntimes.start(
                dir,
                out,
                kafka.bootstrapServers(),
                PostgresServer.get().newDatabase(),
                flows(dir, sink),
                port,
                secretsFile(dir, Map.of("TRUSTSTORE_PASSWORD", STORE_PASSWORD)),
                kafkaOptions);
        runtimes.add(process);
        return process;
    }
}
