package dev.switchboard.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive {@code package} built, as an operator gets it: unpacked into an empty folder and run
 * through {@code bin/switchboard} with nothing but a plain {@code java} on the PATH — no Maven, no
 * source tree, no JAVA_HOME. The hello-webhook sample takes a real HTTP request, greets it into
 * {@code <data>/out/hello.jsonl}, and the runtime stops on SIGTERM with exit code 0.
 */
class DistributionIT {
    @TempDir
    Path dir;

    private Process runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.destroyForcibly();
        }
    }

    @Test
    void unpackedArchiveRunsTheHelloSampleAndStopsOnSigterm() throws Exception {
        Path archive = Path.of(System.getProperty("switchboard.dist.archive"));
        String version = System.getProperty("switchboard.dist.version");
        assertThat(archive).exists();
        Path home = unpack(archive, version);
        assertThat(home.resolve("lib")).isDirectoryContaining("glob:**switchboard-runtime-*.jar");
        assertThat(home.resolve("lib")).isDirectoryNotContaining("glob:**javafx*");
        assertThat(home.resolve("README.md")).exists();
        assertThat(home.resolve("bin/switchboard.bat")).exists();

        int port = freePort();
        int adminPort = freePort();
        Path data = dir.resolve("data");
        Path log = dir.resolve("switchboard.log");
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/switchboard").toString(),
                        "run",
                        "samples/hello-webhook.flow.json",
                        "--port",
                        String.valueOf(port),
                        "--data",
                        data.toString(),
                        "--admin-port",
                        String.valueOf(adminPort))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // what an operator's shell has: a PATH with java on it, nothing from this build
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        env.put("JAVA_OPTS", "-Xmx256m");
        runtime = builder.start();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(runtime.isAlive())
                            .as("the runtime ended early:%n%s", output(log))
                            .isTrue();
                    return output(log).contains("Press Ctrl-C to stop");
                });
        assertThat(output(log))
                .contains("Switchboard " + version)
                .contains("▶ hello-webhook")
                .contains("http://127.0.0.1:" + port)
                .contains(data.toAbsolutePath().toString());

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/hello"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Ada\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);

        Path written = data.resolve("out/hello.jsonl");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(written) && Files.readString(written).contains("Hello, Ada!"));
        await().atMost(Duration.ofSeconds(10)).until(() -> output(log).contains("flow=hello-webhook trigger=hook"));

        // the admin port: probes without a token, metrics and deploys with the one the first start wrote
        String admin = "http://127.0.0.1:" + adminPort;
        String token = Files.readString(data.resolve("admin.token")).strip();
        assertThat(get(http, admin + "/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get(http, admin + "/metrics", null).statusCode()).isEqualTo(401);
        Path flow = dir.resolve("pong.flow.json");
        Files.writeString(flow, """
                {"format": "switchboard/flow@1", "id": "pong", "nodes": [
                  {"id": "hook", "type": "webhook", "config": {"path": "/hooks/pong"}},
                  {"id": "say", "type": "log", "config": {"message": "pong {{data.n}}"}}
                ], "wires": [{"from": "hook", "to": "say"}]}
                """);
        Process deploy = new ProcessBuilder(
                        home.resolve("bin/switchboard").toString(),
                        "deploy",
                        flow.toString(),
                        "--to",
                        admin,
                        "--token",
                        token)
                .redirectErrorStream(true)
                .start();
        String deployed = new String(deploy.getInputStream().readAllBytes());
        assertThat(deploy.waitFor()).as(deployed).isZero();
        assertThat(deployed).contains("pong deployed");
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/pong"))
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"n\": 1}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(get(http, admin + "/metrics", token).body())
                                .contains("switchboard_runs_total{flow=\"hello-webhook\",status=\"success\"} 1.0")
                                .contains("switchboard_runs_total{flow=\"pong\",status=\"success\"} 1.0"));

        runtime.destroy(); // SIGTERM
        assertThat(runtime.waitFor(60, TimeUnit.SECONDS))
                .as("stopped within a minute:%n%s", output(log))
                .isTrue();
        assertThat(runtime.exitValue()).as(output(log)).isZero();

        // the class data archive: made once on purpose, then used by every command without a word about it
        Process cds = launcher(home, env, "cds");
        String made = new String(cds.getInputStream().readAllBytes());
        assertThat(cds.waitFor()).as(made).isZero();
        assertThat(home.resolve("cds/switchboard.jsa")).isNotEmptyFile();
        Process validate = launcher(home, env, "validate", "samples/hello-webhook.flow.json");
        String validated = new String(validate.getInputStream().readAllBytes());
        assertThat(validate.waitFor()).as(validated).isZero();
        assertThat(validated).contains("1 flow file(s) valid").doesNotContainIgnoringCase("cds");
    }

    private static Process launcher(Path home, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/switchboard").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Path unpack(Path archive, String version) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(tar.getInputStream().readAllBytes());
        assertThat(tar.waitFor()).as("tar: %s", out).isZero();
        Path home = dir.resolve("switchboard-" + version);
        assertThat(home.resolve("bin/switchboard")).isExecutable();
        return home;
    }

    private static String output(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
