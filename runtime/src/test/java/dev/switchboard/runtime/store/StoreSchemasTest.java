package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.contract.CompatibilityMode;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.ContractViolation;
import dev.switchboard.runtime.contract.IncompatibleSchemaException;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.model.ContractBinding;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runtimes' stores on one PostgreSQL database, each with a schemas folder of its own, as in
 * cluster mode: a schema registered through one is seen, compiled and enforced through the other,
 * its mode too, and two registrations cannot take the same version.
 */
class StoreSchemasTest {
    private static final String ORDERS = """
            {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
            """;

    @TempDir
    Path dir;

    private Store storeA;
    private Store storeB;
    private SchemaRegistry a;
    private SchemaRegistry b;

    @BeforeEach
    void open() {
        String url = PostgresServer.withPassword(PostgresServer.get().newDatabase());
        storeA = Store.open(url);
        storeB = Store.open(url);
        a = new SchemaRegistry(dir.resolve("a")).withStore(new StoreSchemas(storeA));
        b = new SchemaRegistry(dir.resolve("b")).withStore(new StoreSchemas(storeB));
    }

    @AfterEach
    void close() {
        storeA.close();
        storeB.close();
    }

    @Test
    void aSchemaRegisteredThroughOneRuntimeIsEnforcedThroughTheOther() throws Exception {
        assertThat(a.register("orders", ORDERS).version()).isEqualTo(1);

        assertThat(b.subjects()).containsExactly("orders");
        assertThat(b.versions("orders")).containsExactly(1);
        ContractSchemas.CompiledContract contract =
                new ContractSchemas(b).resolve(new ContractBinding("orders", 1, ContractBinding.Enforcement.REJECT));
        assertThat(contract.reference()).isEqualTo("orders@1");
        assertThat(contract.violations(Json.parse("{\"id\": 7}")))
                .extracting(ContractViolation::pointer)
                .containsExactly("/id");
        assertThat(contract.violations(Json.parse("{\"id\": \"o-7\"}"))).isEmpty();
    }

    @Test
    void aModeSetThroughOneRuntimeChecksRegistrationsThroughTheOther() throws Exception {
        a.register("orders", ORDERS);
        a.setMode("orders", CompatibilityMode.FORWARD);

        assertThat(b.mode("orders")).isEqualTo(CompatibilityMode.FORWARD);
        String loosened = ORDERS.replace("\"required\": [\"id\"], ", "");
        assertThatThrownBy(() -> b.register("orders", loosened))
                .as("dropping a required field is BACKWARD compatible but not FORWARD")
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("FORWARD");
        assertThat(a.versions("orders")).containsExactly(1);
    }

    @Test
    void twoRegistrationsCannotTakeTheSameVersion() throws Exception {
        a.register("orders", ORDERS);
        StoreSchemas direct = new StoreSchemas(storeB);

        assertThat(direct.add("orders", 2, "{\"type\": \"object\"}")).isTrue();
        assertThat(direct.add("orders", 2, "{}")).as("the version is taken").isFalse();
        assertThat(a.find("orders", 2).orElseThrow().schema()).isEqualTo(Json.parse("{\"type\": \"object\"}"));
    }
}
