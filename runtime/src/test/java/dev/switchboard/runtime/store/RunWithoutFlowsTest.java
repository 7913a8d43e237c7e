package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.admin.AdminClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard run} with no flow files starts empty, as a server waiting for deploys; a flow
 * deployed through the admin API takes events, and starts again with the runtime after a restart.
 */
class RunWithoutFlowsTest {
    private static final Pattern WEBHOOKS = Pattern.compile("webhooks at (http://127\\.0\\.0\\.1:\\d+)");
    private static final String TOKEN = "run-without-flows-token";

    @TempDir
    Path dir;

    CliProcess runtime;

    @AfterEach
    void stop() throws Exception {
        if (runtime != null && runtime.process().isAlive()) {
            runtime.process().destroyForcibly().waitFor();
        }
    }

    private CliProcess start(String name, int adminPort) throws IOException {
        runtime = CliProcess.start(
                        dir.resolve(name + ".log"),
                        List.of(),
                        "run",
                        "--data",
                        dir.resolve("data").toString(),
                        "--port",
                        "0",
                        "--admin-port",
                        String.valueOf(adminPort),
                        "--admin-token",
                        TOKEN)
                .awaitOutput("Press Ctrl-C to stop");
        return runtime;
    }

    private static String webhooks(CliProcess process) throws IOException {
        Matcher m = WEBHOOKS.matcher(process.output());
        assertThat(m.find()).as(process.output()).isTrue();
        return m.group(1);
    }

    private static int post(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"n\": 1}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void startsEmptyTakesADeployAndKeepsItAcrossARestart() throws Exception {
        int adminPort = freePort();
        CliProcess first = start("first", adminPort);
        assertThat(first.output()).contains("flows:    none yet").contains("Switchboard is running 0 flow(s)");
        assertThat(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/health/ready"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("waiting for deploys is a ready state")
                .isEqualTo(200);

        AdminClient.Answer answer =
                new AdminClient(URI.create("http://127.0.0.1:" + adminPort), TOKEN).deploy("pong", """
                        {"format": "switchboard/flow@1", "id": "pong", "nodes": [
                          {"id": "hook", "type": "webhook", "config": {"path": "/hooks/pong"}},
                          {"id": "say", "type": "log", "config": {"message": "pong {{data.n}}"}}
                        ], "wires": [{"from": "hook", "to": "say"}]}
                        """);
        assertThat(answer.ok()).as(answer.message()).isTrue();
        assertThat(post(webhooks(first) + "/hooks/pong")).isEqualTo(202);
        first.awaitOutput("flow=pong trigger=hook");
        first.process().destroy();
        assertThat(first.process().waitFor()).isZero();

        CliProcess second = start("second", adminPort);
        assertThat(second.output()).contains("▶ pong").contains("Switchboard is running 1 flow(s)");
        assertThat(post(webhooks(second) + "/hooks/pong")).isEqualTo(202);
        second.awaitOutput("flow=pong trigger=hook");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
