package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.contract.SchemaRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard run FOLDER} finds {@code FOLDER/schemas}: its webhook rejects, its admin API serves the schemas. */
class RunWithContractsTest {
    private static final Pattern WEBHOOKS = Pattern.compile("webhooks at (http://127\\.0\\.0\\.1:\\d+)");
    private static final String TOKEN = "run-with-contracts-token";
    private static final String FLOW = """
            {"format": "switchboard/flow@1", "id": "contract-run", "name": "Contract run", "nodes": [
              {"id": "hook", "type": "webhook", "config": {"path": "/hooks/contract-run"},
               "contract": {"subject": "orders", "enforcement": "reject"}},
              {"id": "log", "type": "log", "config": {"message": "order {{data.id}}"}}],
             "wires": [{"from": "hook", "to": "log"}]}
            """;

    @TempDir
    Path dir;

    CliProcess runtime;

    @AfterEach
    void stop() throws Exception {
        if (runtime != null && runtime.process().isAlive()) {
            runtime.process().destroyForcibly().waitFor();
        }
    }

    @Test
    void theFlowsSchemasFolderIsEnforcedAndServed() throws Exception {
        Path flows = Files.createDirectories(dir.resolve("flows"));
        Files.writeString(flows.resolve("contract-run.flow.json"), FLOW);
        new SchemaRegistry(flows.resolve("schemas"))
                .register(
                        "orders",
                        "{\"type\": \"object\", \"required\": [\"id\"], "
                                + "\"properties\": {\"id\": {\"type\": \"string\"}}}");
        int adminPort = freePort();
        runtime = CliProcess.start(
                        dir.resolve("run.log"),
                        List.of(),
                        "run",
                        flows.toString(),
                        "--data",
                        dir.resolve("data").toString(),
                        "--port",
                        "0",
                        "--admin-port",
                        String.valueOf(adminPort),
                        "--admin-token",
                        TOKEN)
                .awaitOutput("Press Ctrl-C to stop");
        Matcher m = WEBHOOKS.matcher(runtime.output());
        assertThat(m.find()).as(runtime.output()).isTrue();
        String hook = m.group(1) + "/hooks/contract-run";

        HttpResponse<String> refused =
                send(HttpRequest.newBuilder(URI.create(hook)).POST(HttpRequest.BodyPublishers.ofString("{\"id\": 7}")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"contract\":\"orders@1\"").contains("\"pointer\":\"/id\"");

        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(hook))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"o-7\"}")));
        assertThat(accepted.statusCode()).isEqualTo(202);
        runtime.awaitOutput("flow=contract-run trigger=hook");

        HttpResponse<String> schemas =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/api/schemas/orders/latest"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .GET());
        assertThat(schemas.statusCode()).isEqualTo(200);
        assertThat(schemas.body()).contains("\"version\" : 1").contains("\"required\" : [ \"id\" ]");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
