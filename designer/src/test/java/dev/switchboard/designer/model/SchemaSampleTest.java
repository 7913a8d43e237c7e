package dev.switchboard.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.model.ContractBinding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaSampleTest {
    private static final SchemaRegistry SAMPLES = new SchemaRegistry(Path.of("..", "samples", "schemas"));

    @Test
    void theSampleOrderHasEveryRequiredPropertyAndPassesItsContract() throws Exception {
        JsonNode schema = SAMPLES.find("orders", 1).orElseThrow().schema();

        JsonNode sample = SchemaSample.of(schema);

        assertThat(Json.MAPPER.writeValueAsString(sample))
                .isEqualTo(
                        "{\"id\":\"example\",\"customer\":{\"email\":\"example\"},\"total\":1.5,\"currency\":\"EUR\"}");
        assertThat(new ContractSchemas(SAMPLES)
                        .resolve(new ContractBinding("orders", 1, null))
                        .violations(sample))
                .isEmpty();
    }

    @Test
    void typesFormatsAndBoundsGetFittingValues() throws Exception {
        JsonNode schema = Json.MAPPER.readTree("""
                {"type": "object", "required": ["n", "when", "mail", "code", "tags", "ok", "fixed"],
                 "properties": {
                   "n": {"type": "integer", "exclusiveMinimum": 9},
                   "when": {"type": "string", "format": "date-time"},
                   "mail": {"type": "string", "format": "email"},
                   "code": {"type": "string", "minLength": 10, "maxLength": 12},
                   "tags": {"type": "array", "items": {"type": "string"}, "minItems": 2},
                   "ok": {"type": "boolean"},
                   "fixed": {"const": "v1"},
                   "optional": {"type": "string"}}}""");

        assertThat(Json.MAPPER.writeValueAsString(SchemaSample.of(schema)))
                .isEqualTo("{\"n\":10,\"when\":\"2026-01-31T12:00:00Z\",\"mail\":\"someone@example.org\","
                        + "\"code\":\"examplexxx\",\"tags\":[\"example\",\"example\"],\"ok\":true,\"fixed\":\"v1\"}");
    }

    @Test
    void pathsListEveryDeclaredPropertyNestedOnesAfterTheirParent() throws Exception {
        JsonNode schema = SAMPLES.find("orders", 1).orElseThrow().schema();

        assertThat(SchemaSample.paths(schema))
                .containsExactly("id", "customer", "customer.email", "customer.name", "total", "currency");
    }
}
