package dev.switchboard.runtime.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.runtime.model.ContractBinding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractSchemasTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void violationsCarryThePointerIntoTheDataAndTheValidatorsMessage() throws Exception {
        SchemaRegistry registry = new SchemaRegistry(dir);
        registry.register("orders", """
                {"type": "object", "properties": {"total": {"type": "number"},
                 "lines": {"type": "array", "items": {"type": "object", "required": ["sku"]}}},
                 "required": ["id"], "additionalProperties": {"type": "string"}}
                """);
        ContractSchemas schemas = new ContractSchemas(registry);
        ContractSchemas.CompiledContract contract = schemas.resolve(ContractBinding.parse("orders", null));

        List<ContractViolation> violations =
                contract.violations(JSON.readTree("{\"total\": \"12\", \"lines\": [{}], \"note\": 5}"));

        assertThat(violations)
                .extracting(ContractViolation::pointer)
                .containsExactlyInAnyOrder("/id", "/total", "/lines/0/sku", "/note");
        assertThat(violations)
                .filteredOn(v -> v.pointer().equals("/total"))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("string found, number expected"));
        assertThat(contract.reference()).isEqualTo("orders@1");
        assertThat(contract.violations(JSON.readTree("{\"id\": \"o-1\", \"total\": 3}")))
                .isEmpty();
        // a version is compiled once: the latest and the pinned version are the same compiled schema
        assertThat(schemas.resolve(ContractBinding.parse("orders@1", null))).isSameAs(contract);
    }

    @Test
    void anUnknownContractSaysWhatThereIs() throws Exception {
        SchemaRegistry registry = new SchemaRegistry(dir);
        registry.register("orders", "{\"type\": \"object\"}");
        ContractSchemas schemas = new ContractSchemas(registry);
        assertThatThrownBy(() -> schemas.resolve(ContractBinding.parse("orders@4", null)))
                .hasMessageContaining("'orders@4' is not in")
                .hasMessageContaining("(versions: [1])");
        assertThatThrownBy(() -> schemas.resolve(ContractBinding.parse("invoices", null)))
                .hasMessageContaining("(no such subject)");
    }

    @Test
    void aSubjectFileWithAnUnknownModeIsAClearError() throws Exception {
        SchemaRegistry registry = new SchemaRegistry(dir);
        registry.register("orders", "{\"type\": \"object\"}");
        java.nio.file.Files.writeString(dir.resolve("orders/subject.json"), "{\"compatibility\": \"SIDEWAYS\"}");
        assertThatThrownBy(() -> registry.mode("orders"))
                .hasMessageContaining("/compatibility must be one of BACKWARD, FORWARD, FULL, NONE");
    }
}
