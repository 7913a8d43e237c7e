package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.runtime.cli.SwitchboardCli;
import dev.switchboard.runtime.store.PostgresServer;
import java.io.IOException;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the security tests of cluster mode share: {@code switchboard run --cluster} in a JVM of its
 * own with the Kafka client options under test, its flows (a webhook delivering to a sink), an
 * owner-only secrets file, and waiting for it to start or to give up.
 */
final class SecuredRuntimes {
    static final Duration START = Duration.ofSeconds(90);
    private static final Pattern ADMIN = Pattern.compile("admin: +(http://127\\.0\\.0\\.1:\\d+)");
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SecuredRuntimes() {}

    /** Starts a runtime whose output goes to {@code out}; {@code kafkaOptions} come after {@code --kafka}. */
    static Process start(
            Path dir,
            Path out,
            String bootstrap,
            String db,
            Path flows,
            int port,
            Path secrets,
            List<String> kafkaOptions)
            throws IOException {
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
                bootstrap,
                "--kafka-partitions",
                "2"));
        command.addAll(kafkaOptions);
        command.addAll(List.of(
                "--secrets",
                secrets.toString(),
                "--db",
                db,
                "--port",
                "" + port,
                "--admin-port",
                "0",
                "--admin-token",
                "secured-test-token",
                "--data",
                dir.resolve("data-" + out.getFileName()).toString(),
                "--event-log",
                "off",
                flows.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("SWITCHBOARD_DB_PASSWORD", PostgresServer.PASSWORD);
        return builder.start();
    }

    static void awaitStarted(Process runtime, Path out) {
        await("the runtime started")
                .atMost(START)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(runtime.isAlive())
                            .as("the runtime exited early:%n%s", Files.readString(out))
                            .isTrue();
                    return Files.readString(out).contains("  webhooks:");
                });
    }

    /** Waits for the runtime to end by itself; its exit code. */
    static int awaitExit(Process runtime) {
        return await("the runtime gave up")
                .atMost(START)
                .until(() -> runtime.isAlive() ? null : runtime.exitValue(), exit -> exit != null);
    }

    /** Posts events {@code 0..count-1} of key {@code key} to the orders webhook; each must get its 202. */
    static void post(int port, String key, int count) throws IOException, InterruptedException {
        for (int seq = 0; seq < count; seq++) {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/orders"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + key + "\",\"seq\":" + seq + "}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
    }

    /** {@code /health/ready} of the runtime whose output is {@code out}. */
    static HttpResponse<String> ready(Path out) throws IOException, InterruptedException {
        Matcher admin = ADMIN.matcher(Files.readString(out));
        assertThat(admin.find())
                .as("admin address in:%n%s", Files.readString(out))
                .isTrue();
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(admin.group(1) + "/health/ready"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Path secretsFile(Path dir, Map<String, String> secrets) throws IOException {
        Path file = Files.createTempFile(dir, "secrets", ".env");
        StringBuilder lines = new StringBuilder();
        secrets.forEach(
                (name, value) -> lines.append(name).append('=').append(value).append('\n'));
        Files.writeString(file, lines);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** A folder with the orders flow: webhook /hooks/orders → POST {"key","seq"} to the sink. */
    static Path flows(Path dir, ClusterSink sink) throws IOException {
        Path flows = Files.createTempDirectory(dir, "flows");
        Files.writeString(flows.resolve("orders.flow.json"), ClusterProcesses.ordersFlow(sink.baseUrl()));
        return flows;
    }
}
