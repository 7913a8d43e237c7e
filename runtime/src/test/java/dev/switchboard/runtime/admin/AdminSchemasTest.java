package dev.switchboard.runtime.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.runtime.contract.CompatibilityMode;
import dev.switchboard.runtime.contract.SchemaRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schemas folder served read-only by the admin API's routes. */
class AdminSchemasTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    AdminApi api;

    @BeforeEach
    void registry() throws Exception {
        SchemaRegistry schemas = new SchemaRegistry(dir.resolve("schemas"));
        schemas.register("orders", "{\"type\": \"object\"}");
        schemas.register("orders", "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
        schemas.setMode("orders", CompatibilityMode.FULL);
        api = new AdminApi(null, null, null, schemas);
    }

    JsonNode get(String path, int status) throws Exception {
        AdminResponse response = api.handle(new AdminApi.AdminRequest("GET", path, Map.of(), ""));
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    @Test
    void listsSubjectsWithVersionsAndMode() throws Exception {
        JsonNode subjects = get("/api/schemas", 200).path("subjects");
        assertThat(subjects).hasSize(1);
        assertThat(subjects.get(0).path("subject").asText()).isEqualTo("orders");
        assertThat(subjects.get(0).path("versions").toString()).isEqualTo("[1,2]");
        assertThat(subjects.get(0).path("latest").asInt()).isEqualTo(2);
        assertThat(subjects.get(0).path("compatibility").asText()).isEqualTo("FULL");
    }

    @Test
    void showsOneVersionOrTheLatest() throws Exception {
        assertThat(get("/api/schemas/orders/1", 200).path("schema").toString()).isEqualTo("{\"type\":\"object\"}");
        JsonNode latest = get("/api/schemas/orders/latest", 200);
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("schema").path("properties").has("id")).isTrue();
        assertThat(get("/api/schemas/orders/3", 404).path("message").asText()).contains("versions: [1, 2]");
        assertThat(get("/api/schemas/orders/two", 400).path("error").asText()).isEqualTo("bad-request");
        get("/api/schemas/invoices/latest", 404);
    }

    @Test
    void aVersionIsNeverReplaced() throws Exception {
        AdminResponse response = api.handle(new AdminApi.AdminRequest("PUT", "/api/schemas/orders/2", Map.of(), "{}"));
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "GET");
    }
}
