package dev.switchboard.connector.filter;

import dev.switchboard.connector.rules.RuleProperties;
import dev.switchboard.connector.rules.RuleSet;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.model.ChoiceDefinition;

/** {@code filter}: lets events that match its rules through {@code matched}, the rest through {@code unmatched}. */
public final class FilterConnector implements Connector {
    public static final String MATCHED = "matched";
    public static final String UNMATCHED = "unmatched";

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("filter", ConnectorKind.STEP)
            .category("Logic")
            .title("Filter")
            .description("Passes on events that match all (or any) of its rules")
            .icon("filter")
            .outputs(
                    PortSpec.of(MATCHED, "matched", "Events that match the rules"),
                    PortSpec.of(
                            UNMATCHED, "unmatched", "Events that do not match; dropped (run FILTERED) when unwired"))
            .properties(
                    RuleProperties.match("all: every rule must hold; any: at least one"),
                    RuleProperties.rules("The conditions an event must meet"))
            .helpResource(FilterConnector.class, "filter.md", RuleProperties.HELP)
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        RuleSet.read(config, "", problems);
        return problems;
    }

    @Override
    public void compile(NodeContext node) {
        RuleSet rules = RuleSet.compile(node.config(), "");
        ChoiceDefinition choice = node.route().choice();
        choice.when(exchange -> rules.test(exchange.getIn().getBody(Event.class)));
        node.emit(choice, MATCHED);
        choice.otherwise();
        node.emit(choice, UNMATCHED);
        choice.end();
    }
}
