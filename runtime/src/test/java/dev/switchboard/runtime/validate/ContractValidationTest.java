package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.Flow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractValidationTest {
    static final ConnectorCatalog CATALOG = ConnectorCatalog.load();

    @TempDir
    Path dir;

    SchemaRegistry schemas;

    @BeforeEach
    void registerOrders() throws Exception {
        schemas = new SchemaRegistry(dir.resolve("schemas"));
        schemas.register("orders", """
                {"type": "object", "properties": {"id": {"type": "string"}, "total": {"type": "number"},
                 "customer": {"type": "object"}}, "required": ["id", "total", "customer"]}
                """);
    }

    /** A webhook → map → publish flow, the publish node bound by {@code contract} (JSON text). */
    static String flow(String webhookContract, String mapFields, String publishContract) {
        return """
                {"format": "switchboard/flow@1", "id": "orders", "nodes": [
                  {"id": "in", "type": "webhook", "config": {"path": "/hooks/orders"}%s},
                  {"id": "shape", "type": "map", "config": {"fields": %s}},
                  {"id": "publish", "type": "event.publish", "config": {"topic": "orders"}%s}],
                 "wires": [{"from": "in", "to": "shape"}, {"from": "shape", "to": "publish"}]}
                """.formatted(
                        webhookContract == null ? "" : ", \"contract\": " + webhookContract,
                        mapFields,
                        publishContract == null ? "" : ", \"contract\": " + publishContract);
    }

    List<String> problems(String json) {
        return new FlowValidator(CATALOG, schemas)
                .validate(json).problems().stream()
                        .map(p -> p.severity() + " " + p)
                        .toList();
    }

    static final String ALL_FIELDS =
            "{\"id\": \"{{data.id}}\", \"total\": \"{{data.total}}\", \"customer.name\": \"{{data.name}}\"}";

    @Test
    void boundContractsThatExistAndAMapThatMakesEveryRequiredFieldPass() {
        assertThat(problems(flow(
                        "{\"subject\": \"orders@1\", \"enforcement\": \"reject\"}",
                        ALL_FIELDS,
                        "{\"subject\": \"orders\", \"enforcement\": \"dead-letter\"}")))
                .isEmpty();
    }

    @Test
    void aMissingSubjectOrVersionIsReportedAtTheNodesContract() {
        assertThat(problems(flow(null, ALL_FIELDS, "{\"subject\": \"orders@3\", \"enforcement\": \"warn\"}")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("ERROR /nodes/2/contract: The contract 'orders@3' is not in")
                .endsWith("its versions are [1]");
        assertThat(problems(flow(null, ALL_FIELDS, "{\"subject\": \"invoices\", \"enforcement\": \"warn\"}")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("ERROR /nodes/2/contract: The contract 'invoices' is not in")
                .endsWith("no such subject");
    }

    @Test
    void aMapStraightUpstreamThatLeavesOutARequiredFieldIsReported() {
        String fields = "{\"id\": \"{{data.id}}\", \"note\": \"x\"}";
        assertThat(problems(flow(null, fields, "{\"subject\": \"orders\", \"enforcement\": \"dead-letter\"}")))
                .containsExactly("ERROR /nodes/1/config/fields: Node 'publish' binds the contract orders@1, which"
                        + " requires 'total', 'customer'; this map does not make them");
        assertThat(problems(flow(null, fields, "{\"subject\": \"orders\", \"enforcement\": \"warn\"}")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("WARNING /nodes/1/config/fields");
    }

    @Test
    void enforcementThatDoesNotFitTheNodeIsReported() {
        assertThat(problems(flow(null, ALL_FIELDS, "{\"subject\": \"orders\"}")))
                .containsExactly("ERROR /nodes/2/contract: The default enforcement 'reject' answers the caller with"
                        + " 400, which only a trigger that answers over HTTP (webhook, the SaaS triggers) can do; use"
                        + " dead-letter, error-port or warn");
        assertThat(problems(flow("{\"subject\": \"orders\", \"enforcement\": \"error-port\"}", ALL_FIELDS, null)))
                .containsExactly("ERROR /nodes/0/contract/enforcement: A trigger has no error port; use reject,"
                        + " dead-letter or warn");
        assertThat(problems(flow(null, ALL_FIELDS, "{\"subject\": \"orders\", \"enforcement\": \"error-port\"}")))
                .containsExactly("WARNING /nodes/2/contract/enforcement: The error port of 'publish' is not wired:"
                        + " events that break the contract go to the dead letters");
    }

    @Test
    void theSchemaChecksTheContractsShape() {
        assertThat(problems(flow(null, ALL_FIELDS, "{\"subject\": \"orders@x\", \"enforcement\": \"maybe\"}")))
                .anySatisfy(p -> assertThat(p).startsWith("ERROR /nodes/2/contract/subject"))
                .anySatisfy(p -> assertThat(p).startsWith("ERROR /nodes/2/contract/enforcement"));
    }

    @Test
    void aFileFindsTheSchemasFolderBesideIt() throws Exception {
        Path file = Files.writeString(
                dir.resolve("orders.flow.json"),
                flow(null, ALL_FIELDS, "{\"subject\": \"orders@2\", \"enforcement\": \"warn\"}"));
        var reports = new FlowFileValidator(CATALOG).validate(List.of(file));
        assertThat(reports.get(0).errors())
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/nodes/2/contract"));
    }

    @Test
    void theBindingRoundTripsThroughTheCodec() throws Exception {
        String json = flow(
                "{\"subject\": \"orders@1\", \"enforcement\": \"reject\"}", ALL_FIELDS, "{\"subject\": \"orders\"}");
        Flow flow = FlowCodec.read(json);
        assertThat(flow.nodes().get(0).contract())
                .isEqualTo(new ContractBinding("orders", 1, ContractBinding.Enforcement.REJECT));
        assertThat(flow.nodes().get(2).contract()).isEqualTo(new ContractBinding("orders", null, null));
        assertThat(flow.nodes().get(1).contract()).isNull();
        String written = FlowCodec.write(flow);
        assertThat(written)
                .contains(
                        "\"contract\": {\n        \"subject\": \"orders@1\",\n        \"enforcement\": \"reject\"\n      }");
        assertThat(FlowCodec.write(FlowCodec.read(written))).isEqualTo(written);
    }
}
