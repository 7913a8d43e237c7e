package dev.switchboard.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleEventsTest {
    private final SampleEvents samples = new SampleEvents(ConnectorCatalog.load());

    @Test
    void theTriggersSampleGainsTheFieldsTheRulesDownstreamTestWithPassingValues() {
        Flow flow = Flow.empty("orders", "Orders")
                .withNodes(List.of(
                        node("hook", "webhook", ConfigValue.object("path", "/hooks/orders")),
                        node(
                                "big",
                                "filter",
                                rules(
                                        rule("data.amount", "gt", ConfigValue.of(100L)),
                                        rule("data.customer.tier", "eq", ConfigValue.of("gold")),
                                        rule("data.score", "lt", ConfigValue.of(10L))))))
                .withWires(List.of(Wire.of("hook", "big")));

        String sample = samples.forTrigger(flow, "hook");

        assertThat(sample)
                .contains("\"amount\" : 200", "\"tier\" : \"gold\"", "\"name\" : \"Ada Lovelace\"")
                .as("a field the connector's sample already has keeps its value")
                .contains("\"score\" : 72");
    }

    @Test
    void aCurlCommandQuotesForTheShell() {
        assertThat(CurlCommand.of("http://127.0.0.1:8080/hooks/a", "POST", "{\"name\": \"O'Brien\"}"))
                .isEqualTo("curl -X POST 'http://127.0.0.1:8080/hooks/a' -H 'Content-Type: application/json'"
                        + " -d '{\"name\": \"O'\\''Brien\"}'");
        assertThat(CurlCommand.of("http://h/x", "GET", "{}")).isEqualTo("curl 'http://h/x'");
    }

    @Test
    void slugsAreWhatIdsAndFileNamesAccept() {
        assertThat(FlowNames.slug("Big orders → CRM!")).isEqualTo("big-orders-crm");
        assertThat(FlowNames.slug("Café déjà vu")).isEqualTo("cafe-deja-vu");
        assertThat(FlowNames.slug("  →  ")).isEqualTo("untitled");
    }

    private static Node node(String id, String type, ConfigValue.Fields config) {
        return new Node(id, type, null, config, new Position(0, 0));
    }

    private static ConfigValue.Fields rules(ConfigValue... rules) {
        return new ConfigValue.Fields(java.util.Map.of("rules", new ConfigValue.Items(List.of(rules))));
    }

    private static ConfigValue rule(String field, String op, ConfigValue value) {
        return ConfigValue.object("field", field, "op", op, "value", value);
    }
}
