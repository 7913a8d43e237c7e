package dev.switchboard.runtime.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over real HTTP on loopback, against a real durable runtime in a temp folder. */
class AdminApiTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDir;

    static DurableRuntime runtime;
    static AdminServer server;
    static AdminToken token;
    static FlowDeployments deployments;

    @BeforeAll
    static void start() throws Exception {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
        token = AdminToken.resolve(null, dataDir);
        deployments = new FlowDeployments(runtime.engine(), dataDir.resolve(FlowDeployments.FOLDER));
        FlowCounters counters = new FlowCounters();
        runtime.engine().addRunListener(counters);
        server = new AdminServer(
                        "127.0.0.1",
                        0,
                        new AdminApi(deployments, runtime, counters),
                        token,
                        List.of(
                                AdminEndpoint.open(
                                        "/health/live", () -> AdminResponse.json(200, "{\"status\":\"UP\"}")),
                                AdminEndpoint.authenticated(
                                        "/metrics", () -> AdminResponse.text(200, "text/plain", "runs 0\n"))),
                        64 * 1024)
                .start();
    }

    @AfterAll
    static void stop() {
        Awaitility.reset();
        server.close();
        runtime.close();
    }

    static String flow(String id, String path) {
        return """
                {"format": "switchboard/flow@1", "id": "%s", "nodes": [
                  {"id": "hook", "type": "webhook", "config": {"path": "%s"}},
                  {"id": "say", "type": "log", "config": {}}
                ], "wires": [{"from": "hook", "to": "say"}]}
                """.formatted(id, path);
    }

    static HttpResponse<String> call(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, token.value());
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return Json.parse(response.body());
    }

    static int webhook(String path, String body) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + path))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void everyApiCallNeedsTheRightToken() throws Exception {
        HttpResponse<String> none = call("GET", "/api/flows", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(none).get("error").asText()).isEqualTo("unauthorized");
        assertThat(none.body()).doesNotContain(token.value());

        assertThat(call("GET", "/api/flows", null, token.value() + "x").statusCode())
                .isEqualTo(401);
        assertThat(call("PUT", "/api/flows/sneaky", flow("sneaky", "/hooks/sneaky"), "wrong")
                        .statusCode())
                .isEqualTo(401);
        assertThat(deployments.find("sneaky")).isEmpty();
        assertThat(call("GET", "/api/flows", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theGeneratedTokenIsOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        Path file = dataDir.resolve(AdminToken.FILE_NAME);
        assertThat(token.generated()).isTrue();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        AdminToken again = AdminToken.resolve(null, dataDir);
        assertThat(again.generated()).isFalse();
        assertThat(again.value()).isEqualTo(token.value());
        assertThat(AdminToken.resolve("given", dataDir).value()).isEqualTo("given");
        assertThat(again.toString()).doesNotContain(token.value());
    }

    @Test
    void aDeployedFlowTakesEventsAndIsPersisted() throws Exception {
        HttpResponse<String> put = call("PUT", "/api/flows/fresh", flow("fresh", "/hooks/fresh"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        assertThat(json(put).get("status").asText()).isEqualTo("running");
        assertThat(dataDir.resolve("flows/fresh.flow.json")).exists();

        assertThat(webhook("/hooks/fresh", "{\"n\": 1}")).isEqualTo(202);
        await().untilAsserted(() -> {
            JsonNode runs = json(call("GET", "/api/runs?flow=fresh&status=success&limit=5", null))
                    .get("runs");
            assertThat(runs).hasSize(1);
            JsonNode shown =
                    json(call("GET", "/api/runs/" + runs.get(0).get("runId").asText(), null));
            assertThat(shown.get("runs").get(0).get("steps")).hasSize(2);
        });
        await().untilAsserted(() -> {
            JsonNode listed = json(call("GET", "/api/flows", null)).get("flows");
            JsonNode fresh = find(listed, "fresh");
            assertThat(fresh.get("counters").get("success").asLong()).isEqualTo(1);
            assertThat(fresh.get("webhooks").get("hook").get(0).asText()).endsWith("/hooks/fresh");
        });
        JsonNode detail = json(call("GET", "/api/flows/fresh", null));
        assertThat(detail.get("flow").get("nodes")).hasSize(2);
    }

    @Test
    void anInvalidFlowIsRefusedWithEveryProblemAndThePreviousVersionRunsOn() throws Exception {
        assertThat(call("PUT", "/api/flows/keep", flow("keep", "/hooks/keep")).statusCode())
                .isEqualTo(201);
        String broken = """
                {"format": "switchboard/flow@1", "id": "keep", "nodes": [
                  {"id": "hook", "type": "webhook", "config": {"path": "no-slash"}},
                  {"id": "say", "type": "nosuch", "config": {}}
                ], "wires": [{"from": "hook", "to": "say"}]}
                """;
        HttpResponse<String> refused = call("PUT", "/api/flows/keep", broken);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = json(refused);
        assertThat(error.get("error").asText()).isEqualTo("invalid-flow");
        List<String> pointers = error.get("problems").findValuesAsText("pointer");
        assertThat(pointers).contains("/nodes/1/type").anyMatch(p -> p.startsWith("/nodes/0/config"));
        assertThat(webhook("/hooks/keep", "{}")).isEqualTo(202);

        // another flow's webhook path, the id not the URL's, malformed JSON
        HttpResponse<String> clash = call("PUT", "/api/flows/other", flow("other", "/hooks/keep"));
        assertThat(clash.statusCode()).isEqualTo(400);
        assertThat(json(clash).get("problems").get(0).get("message").asText()).contains("'keep'");
        HttpResponse<String> mismatch = call("PUT", "/api/flows/other", flow("keep", "/hooks/x"));
        assertThat(json(mismatch).get("problems").get(0).get("pointer").asText())
                .isEqualTo("/id");
        HttpResponse<String> malformed = call("PUT", "/api/flows/other", "{\"format\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("problems").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(deployments.find("other")).isEmpty();
    }

    @Test
    void aHotReplaceServesTheNewPath() throws Exception {
        assertThat(call("PUT", "/api/flows/moving", flow("moving", "/hooks/old"))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> replaced = call("PUT", "/api/flows/moving", flow("moving", "/hooks/new"));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).get("created").asBoolean()).isFalse();
        assertThat(webhook("/hooks/new", "{}")).isEqualTo(202);
        assertThat(webhook("/hooks/old", "{}")).isEqualTo(404);
        assertThat(Files.readString(dataDir.resolve("flows/moving.flow.json"))).contains("/hooks/new");
    }

    @Test
    void stopStartAndDelete() throws Exception {
        assertThat(call("PUT", "/api/flows/toggled", flow("toggled", "/hooks/toggled"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(json(call("POST", "/api/flows/toggled/stop", null))
                        .get("status")
                        .asText())
                .isEqualTo("stopped");
        assertThat(webhook("/hooks/toggled", "{}")).isEqualTo(404);
        assertThat(json(call("GET", "/api/flows/toggled", null)).get("status").asText())
                .isEqualTo("stopped");
        assertThat(json(call("POST", "/api/flows/toggled/start", null))
                        .get("status")
                        .asText())
                .isEqualTo("running");
        assertThat(webhook("/hooks/toggled", "{}")).isEqualTo(202);

        assertThat(call("DELETE", "/api/flows/toggled", null).statusCode()).isEqualTo(200);
        assertThat(webhook("/hooks/toggled", "{}")).isEqualTo(404);
        assertThat(dataDir.resolve("flows/toggled.flow.json")).doesNotExist();
        assertThat(call("DELETE", "/api/flows/toggled", null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/flows/toggled/start", null).statusCode()).isEqualTo(404);
    }

    @Test
    void deadLettersAreListedShownAndReplayed() throws Exception {
        assertThat(call("PUT", "/api/flows/letters", flow("letters", "/hooks/letters"))
                        .statusCode())
                .isEqualTo(201);
        runtime.deadLetters()
                .deadLetter(
                        "letters",
                        "say",
                        "run-x",
                        Event.create("/test", "test", Json.parse("{\"sku\": \"A-1\"}")),
                        "gave up",
                        3);
        JsonNode list =
                json(call("GET", "/api/dead-letters?flow=letters", null)).get("deadLetters");
        assertThat(list).hasSize(1);
        long id = list.get(0).get("id").asLong();
        JsonNode shown = json(call("GET", "/api/dead-letters/" + id, null));
        assertThat(shown.get("event").get("data").get("sku").asText()).isEqualTo("A-1");

        HttpResponse<String> replay = call("POST", "/api/dead-letters/" + id + "/replay", null);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json(replay).get("replayed").asInt()).isEqualTo(1);
        assertThat(call("POST", "/api/dead-letters/" + id + "/replay", null).statusCode())
                .isEqualTo(409);
        await().untilAsserted(() -> assertThat(json(call("GET", "/api/runs?flow=letters", null))
                        .get("runs")
                        .findValuesAsText("replayOf"))
                .contains(Long.toString(id)));
        assertThat(call("GET", "/api/dead-letters/999999", null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/dead-letters/abc", null).statusCode()).isEqualTo(404);
    }

    @Test
    void hostileRequestsGetJsonErrorsAndTheServerStaysUp() throws Exception {
        HttpResponse<String> tooLarge = call("PUT", "/api/flows/big", "x".repeat(200 * 1024));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge).get("error").asText()).isEqualTo("payload-too-large");

        HttpResponse<String> unknown = call("GET", "/api/nothing", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).isEqualTo("not-found");

        HttpResponse<String> wrongMethod = call("PATCH", "/api/flows/x", "{}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, PUT, DELETE");

        assertThat(call("GET", "/api/runs?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/runs?status=bogus", null).statusCode()).isEqualTo(400);
        assertThat(call("PUT", "/api/flows/empty", "").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/flows", null).statusCode()).isEqualTo(200);
    }

    @Test
    void extraEndpointsAreMountedOpenOrAuthenticated() throws Exception {
        assertThat(call("GET", "/health/live", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/metrics", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = call("GET", "/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).isEqualTo("runs 0\n");
        assertThat(call("POST", "/health/live", null, null).statusCode()).isEqualTo(405);
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndNoOther() throws Exception {
        JsonNode doc = json(call("GET", "/api/openapi.json", null));
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey()));
        }
        AdminApi api = new AdminApi(deployments, runtime, new FlowCounters());
        assertThat(documented).containsExactlyInAnyOrderElementsOf(api.routes());
    }

    @Test
    void theDeployCommandValidatesThenPutsEachFlow() throws Exception {
        Path folder = Files.createDirectories(dataDir.resolve("to-deploy"));
        Files.writeString(folder.resolve("cli.flow.json"), flow("cli", "/hooks/cli"));
        String url = server.baseUrl();
        assertThat(deploy(folder.toString(), "--to", url, "--token", token.value()))
                .isEqualTo(0);
        assertThat(webhook("/hooks/cli", "{}")).isEqualTo(202);
        assertThat(deploy(folder.toString(), "--to", url, "--token", "wrong")).isEqualTo(1);
        Files.writeString(folder.resolve("bad.flow.json"), flow("bad", "no-slash"));
        assertThat(deploy(folder.toString(), "--to", url, "--token", token.value()))
                .isEqualTo(1);
        assertThat(deployments.find("bad")).isEmpty();
        assertThat(deploy(folder.toString(), "--bogus")).isEqualTo(2);
    }

    @Test
    void theClientReadsTheRuntimesAnswerBackAsProblems() throws Exception {
        AdminClient client = new AdminClient(URI.create(server.baseUrl()), token.value());

        AdminClient.Answer created = client.deploy("client-a", flow("client-a", "/hooks/client"));
        assertThat(created.ok()).isTrue();
        assertThat(created.created()).isTrue();
        assertThat(client.deploy("client-a", flow("client-a", "/hooks/client")).created())
                .isFalse();

        AdminClient.Answer clash = client.deploy("client-b", flow("client-b", "/hooks/client"));
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.message()).isNotBlank();
        assertThat(clash.problemLines())
                .anySatisfy(line ->
                        assertThat(line).startsWith("/nodes/0/config/path: ").contains("client-a"));

        AdminClient.Answer refused =
                new AdminClient(URI.create(server.baseUrl()), "wrong").deploy("client-c", flow("client-c", "/hooks/c"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.message()).isNotBlank();
        assertThat(deployments.find("client-c")).isEmpty();
    }

    private static int deploy(String... args) {
        var cli = dev.switchboard.runtime.cli.SwitchboardCli.commandLine();
        cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        cli.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        String[] all = new String[args.length + 1];
        all[0] = "deploy";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    private static JsonNode find(JsonNode flows, String id) {
        for (JsonNode f : flows) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no flow " + id + " in " + flows);
    }
}
