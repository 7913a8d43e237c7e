package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static dev.switchboard.runtime.e2e.Flows.rule;
import static dev.switchboard.runtime.e2e.Flows.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow validator sees the logic connectors' own checks and dynamic ports, with pointers into the flow. */
class ConnectorValidationTest {
    static final FlowValidator VALIDATOR = new FlowValidator(ConnectorCatalog.load());

    static Flow everyConnector(ConfigValue filterRules, String switchPort) {
        return flow(
                "all-logic",
                List.of(
                        inject("in", "all-logic"),
                        node("hot", "filter", "match", "any", "rules", filterRules),
                        node(
                                "route",
                                "switch",
                                "branches",
                                ConfigValue.list(ConfigValue.object(
                                        "name", "big", "rules", rules(rule("data.total", "gte", 1000))))),
                        node(
                                "shape",
                                "map",
                                "mode",
                                "merge",
                                "type",
                                "com.example.x",
                                "fields",
                                ConfigValue.object("customer.email", "{{data.email | lower}}")),
                        node("say", "log", "level", "warn", "message", "got {{data.id}}"),
                        node(
                                "keep",
                                "file.write",
                                "path",
                                "out/{{time | date:'yyyy-MM-dd'}}.jsonl",
                                "format",
                                "jsonl",
                                "content",
                                "event"),
                        node(
                                "rows",
                                "file.write",
                                "path",
                                "out/rows.csv",
                                "format",
                                "csv",
                                "columns",
                                ConfigValue.object("id", "{{data.id}}")),
                        node("pub", "event.publish", "topic", "orders.{{data.region | lower}}"),
                        node("sub", "event.subscribe", "topic", "orders.eu"),
                        capture("end", "all-logic")),
                List.of(
                        Wire.of("in", "hot"),
                        Wire.of("hot", "matched", "route"),
                        Wire.of("route", switchPort, "shape"),
                        Wire.of("route", "default", "say"),
                        Wire.of("shape", "keep"),
                        Wire.of("keep", "rows"),
                        Wire.of("rows", "pub"),
                        Wire.of("say", "end"),
                        Wire.of("sub", "end")));
    }

    @Test
    void aCorrectFlowUsingEveryConnectorHasNoProblems() {
        List<Problem> problems = VALIDATOR.validate(everyConnector(
                rules(
                        rule("data.score", "gt", 50),
                        rule("data.tags", "contains", "vip"),
                        rule("data.vat", "exists", null),
                        rule("data.country", "in", ConfigValue.list(ConfigValue.of("DE"))),
                        rule("data.email", "matches", "@x\\.com$")),
                "big"));

        assertThat(problems).filteredOn(Problem::isError).isEmpty();
    }

    @Test
    void ruleProblemsAndUnknownBranchPortsPointIntoTheFlow() {
        List<Problem> problems = VALIDATOR.validate(
                everyConnector(rules(rule("data.score", "gt", 50), rule("data.email", "matches", "([a-z")), "huge"));

        assertThat(problems)
                .filteredOn(Problem::isError)
                .extracting(Problem::pointer)
                .contains("/nodes/1/config/rules/1/value");
        assertThat(problems)
                .filteredOn(Problem::isError)
                .anySatisfy(p -> assertThat(p.message()).contains("huge"));
    }
}
