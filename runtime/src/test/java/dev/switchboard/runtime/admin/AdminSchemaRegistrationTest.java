package dev.switchboard.runtime.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.StoreSchemas;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registering schemas through the admin API, over real HTTP, into a real H2 file store: a flow
 * deployed later enforces the registered version, an incompatible version is refused with
 * pointers, and the registry outlives a restart of the runtime.
 */
class AdminSchemaRegistrationTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String ORDERS_V1 = """
            {"type": "object", "required": ["id"],
             "properties": {"id": {"type": "string"}, "total": {"type": "number"}}}
            """;
    private static final String FLOW = """
            {"format": "switchboard/flow@1", "id": "orders-in", "nodes": [
              {"id": "hook", "type": "webhook", "config": {"path": "/hooks/orders-in"},
               "contract": {"subject": "orders@1", "enforcement": "reject"}},
              {"id": "say", "type": "log", "config": {}}
            ], "wires": [{"from": "hook", "to": "say"}]}
            """;

    @TempDir
    Path dir;

    private final List<AutoCloseable> running = new ArrayList<>();
    private DurableRuntime runtime;
    private AdminServer server;
    private AdminToken token;

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    /** Put together as {@code switchboard run FOLDER} does: the folder's registry merged with the store. */
    private void start() throws Exception {
        Path data = dir.resolve("data");
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, data, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
        running.add(runtime);
        SchemaRegistry schemas = new SchemaRegistry(dir.resolve("flows").resolve("schemas"))
                .withStore(new StoreSchemas(runtime.store()));
        runtime.engine().services().register(ContractSchemas.class, new ContractSchemas(schemas));
        token = AdminToken.resolve(null, data);
        FlowDeployments deployments =
                new FlowDeployments(runtime.engine(), data.resolve(FlowDeployments.FOLDER), schemas);
        server = new AdminServer(
                        "127.0.0.1",
                        0,
                        new AdminApi(deployments, runtime, new FlowCounters(), schemas),
                        token,
                        List.of(),
                        64 * 1024)
                .start();
        running.add(server);
    }

    private void restart() throws Exception {
        stop();
        running.clear();
        start();
    }

    private HttpResponse<String> call(String method, String path, String body, String bearer) throws Exception {
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

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, token.value());
    }

    private HttpResponse<String> webhook(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/orders-in"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> pointers(JsonNode answer) {
        List<String> pointers = new ArrayList<>();
        answer.path("problems").forEach(p -> pointers.add(p.path("pointer").asText()));
        return pointers;
    }

    @Test
    void aRegisteredSchemaIsEnforcedByAFlowDeployedLaterAndOutlivesARestart() throws Exception {
        start();
        assertThat(call("POST", "/api/schemas/orders", ORDERS_V1, null).statusCode())
                .as("writing the registry needs the token")
                .isEqualTo(401);

        HttpResponse<String> registered = call("POST", "/api/schemas/orders", ORDERS_V1);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(Json.parse(registered.body()).path("version").asInt()).isEqualTo(1);
        assertThat(registered.headers().firstValue("Location")).contains("/api/schemas/orders/1");
        assertThat(call("POST", "/api/schemas/orders", ORDERS_V1).statusCode())
                .as("the latest again registers nothing")
                .isEqualTo(200);
        assertThat(dir.resolve("flows").resolve("schemas"))
                .as("registered in the store, not the folder")
                .doesNotExist();

        HttpResponse<String> deployed = call("PUT", "/api/flows/orders-in", FLOW);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        HttpResponse<String> refused = webhook("{\"id\": 7, \"total\": \"ten\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("orders@1")
                .contains("\"pointer\":\"/id\"")
                .contains("\"pointer\":\"/total\"");
        assertThat(webhook("{\"id\": \"o-1\", \"total\": 10}").statusCode()).isEqualTo(202);

        restart();

        JsonNode kept = Json.parse(call("GET", "/api/schemas/orders/1", null).body());
        assertThat(kept.path("schema").path("required").toString()).isEqualTo("[\"id\"]");
        HttpResponse<String> again = call("PUT", "/api/flows/orders-in", FLOW);
        assertThat(again.statusCode())
                .as("the binding resolves from the store after a restart: " + again.body())
                .isEqualTo(201);
        assertThat(webhook("{\"id\": 7}").statusCode()).isEqualTo(400);
    }

    @Test
    void anIncompatibleVersionIsRefusedWithEachBreakingChangeAndItsPointer() throws Exception {
        start();
        assertThat(call("POST", "/api/schemas/orders", ORDERS_V1).statusCode()).isEqualTo(201);
        String breaking = """
                {"type": "object", "required": ["id", "customer"],
                 "properties": {"id": {"type": "integer"}, "total": {"type": "number"},
                                "customer": {"type": "string"}}}
                """;

        HttpResponse<String> refused = call("POST", "/api/schemas/orders", breaking);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode answer = Json.parse(refused.body());
        assertThat(answer.path("error").asText()).isEqualTo("incompatible-schema");
        assertThat(answer.path("message").asText()).contains("BACKWARD").contains("orders@1");
        assertThat(pointers(answer)).contains("/properties/id", "/properties/customer");
        assertThat(call("GET", "/api/schemas/orders/2", null).statusCode())
                .as("nothing registered")
                .isEqualTo(404);

        HttpResponse<String> mode = call("PUT", "/api/schemas/orders/compatibility", "{\"compatibility\": \"NONE\"}");
        assertThat(mode.statusCode()).as(mode.body()).isEqualTo(200);
        HttpResponse<String> accepted = call("POST", "/api/schemas/orders", breaking);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode listed = Json.parse(call("GET", "/api/schemas", null).body())
                .path("subjects")
                .get(0);
        assertThat(listed.path("versions").toString()).isEqualTo("[1,2]");
        assertThat(listed.path("compatibility").asText()).isEqualTo("NONE");
    }

    @Test
    void anInvalidSchemaOrModeIsABadRequestWithPointers() throws Exception {
        start();
        HttpResponse<String> invalid =
                call("POST", "/api/schemas/orders", "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": 5}}}");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        JsonNode answer = Json.parse(invalid.body());
        assertThat(answer.path("error").asText()).isEqualTo("invalid-schema");
        assertThat(pointers(answer)).contains("/properties/id/type");

        HttpResponse<String> malformed = call("POST", "/api/schemas/orders", "{\"type\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Json.parse(malformed.body()).path("message").asText()).contains("not valid JSON");

        HttpResponse<String> badMode =
                call("PUT", "/api/schemas/orders/compatibility", "{\"compatibility\": \"SOME\"}");
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(pointers(Json.parse(badMode.body()))).containsExactly("/compatibility");
        assertThat(call("POST", "/api/schemas/bad%20subject", ORDERS_V1).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theFolderAndTheStoreAreOneViewAndAVersionThatDiffersNamesBothPlaces() throws Exception {
        Path folder = dir.resolve("flows").resolve("schemas");
        new SchemaRegistry(folder).register("orders", ORDERS_V1);
        start();

        HttpResponse<String> second = call(
                "POST",
                "/api/schemas/orders",
                ORDERS_V1.replace(
                        "\"total\": {\"type\": \"number\"}", "\"total\": {\"type\": \"number\"}, \"note\": {}"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(Json.parse(second.body()).path("version").asInt())
                .as("the next version after the folder's")
                .isEqualTo(2);
        assertThat(folder.resolve("orders").resolve("2.schema.json")).doesNotExist();

        String stored = Json.parse(call("GET", "/api/schemas/orders/2", null).body())
                .path("schema")
                .toString();
        Files.writeString(folder.resolve("orders").resolve("2.schema.json"), stored);
        assertThat(call("GET", "/api/schemas/orders/2", null).statusCode())
                .as("the same schema in both places, spaced differently, is no clash")
                .isEqualTo(200);

        Files.writeString(folder.resolve("orders").resolve("2.schema.json"), "{\"type\": \"object\"}");
        HttpResponse<String> clash = call("GET", "/api/schemas/orders/2", null);
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(Json.parse(clash.body()).path("error").asText()).isEqualTo("schema-conflict");
        assertThat(clash.body())
                .contains("orders@2 differs between")
                .contains("2.schema.json")
                .contains("the store");
    }
}
