package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.runtime.cli.SwitchboardCli;
import dev.switchboard.runtime.secrets.SecretVault;
import dev.switchboard.runtime.secrets.VaultKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A secret kept with {@code switchboard secrets set} reaches the API it is meant for through
 * {@code switchboard run}, and after a run that succeeded, a run that was dead-lettered with the
 * API echoing the credentials back, and a stop, no file of the data folder holds the value in any
 * readable form; the folder and the store's files are the owner's only.
 */
class SecretsAtRestTest {
    static final String TOKEN = "t0ken-at-rest-9f8e7d";

    @TempDir
    Path dir;

    HttpServer api;
    CliProcess runtime;

    @AfterEach
    void stop() throws Exception {
        if (runtime != null && runtime.process().isAlive()) {
            runtime.process().destroyForcibly().waitFor();
        }
        if (api != null) {
            api.stop(0);
        }
    }

    @Test
    void aVaultSecretWorksAndLeavesNoTraceInTheDataFolder() throws Exception {
        Path data = dir.resolve("data");
        assertThat(cli(TOKEN + "\n", "secrets", "set", "API_TOKEN", "--data", data.toString()))
                .isZero();
        assertThat(Files.exists(data.resolve(VaultKey.FILE))).isTrue();

        List<String> seenAuthorization = new CopyOnWriteArrayList<>();
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seenAuthorization.add(authorization);
            // a careless API that echoes the credentials, and fails the second call
            byte[] body = ("{\"youSent\": \"" + authorization + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(seenAuthorization.size() == 1 ? 200 : 400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        Path flow = dir.resolve("call-api.flow.json");
        Files.writeString(flow, flow(api.getAddress().getPort()));
        int port = freePort();

        runtime = CliProcess.start(
                        dir.resolve("run.log"),
                        List.of(),
                        "run",
                        flow.toString(),
                        "--port",
                        String.valueOf(port),
                        "--data",
                        data.toString())
                .awaitOutput("Switchboard is running");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> accepted = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/call"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"n\": " + i + "}"))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        runtime.output().contains("success") && runtime.output().contains("dead-lettered"));
        assertThat(seenAuthorization).containsOnly("Bearer " + TOKEN);
        runtime.process().destroy();
        assertThat(runtime.process().waitFor()).isZero();

        List<String> forms = List.of(TOKEN, Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8)));
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(forms).as("a form of the secret in %s", file).noneMatch(content::contains);
            }
        }
        assertThat(mode(data)).isEqualTo("rwx------");
        for (String file : List.of(StoreOptionsFile.STORE, SecretVault.FILE, VaultKey.FILE)) {
            assertThat(mode(data.resolve(file))).as(file).isEqualTo("rw-------");
        }
        assertThat(runtime.output()).doesNotContain(TOKEN);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** The store's file name, as {@code run} creates it in the data folder. */
    private static final class StoreOptionsFile {
        static final String STORE = "switchboard.mv.db";
    }

    private static int cli(String stdin, String... args) {
        InputStream original = setInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cli = SwitchboardCli.commandLine();
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(out));
            return cli.execute(args);
        } finally {
            setInput(original);
        }
    }

    private static InputStream setInput(InputStream input) {
        return dev.switchboard.runtime.cli.SecretsCommandAccess.input(input);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String flow(int apiPort) {
        return """
                {
                  "format": "switchboard/flow@1",
                  "id": "call-api",
                  "name": "Call an API with a vault secret",
                  "nodes": [
                    { "id": "in", "type": "webhook", "config": { "path": "/hooks/call" } },
                    { "id": "call", "type": "http.request",
                      "config": { "method": "POST", "url": "http://127.0.0.1:%d/things", "auth": "bearer",
                                  "token": "{{secret:API_TOKEN}}", "retries": 0 } }
                  ],
                  "wires": [ { "from": "in", "to": "call" } ]
                }
                """.formatted(apiPort);
    }
}
