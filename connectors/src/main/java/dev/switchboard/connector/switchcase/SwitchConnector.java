package dev.switchboard.connector.switchcase;

import dev.switchboard.connector.rules.RuleProperties;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.RouteDefinition;

/** {@code switch}: sends each event to the branch whose rules it matches, or to {@code default}. */
public final class SwitchConnector implements Connector {
    public static final String DEFAULT_PORT = "default";
    private static final PortSpec DEFAULT =
            PortSpec.of(DEFAULT_PORT, "default", "Events no branch matched; dropped (run FILTERED) when unwired");

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("switch", ConnectorKind.STEP)
            .category("Logic")
            .title("Switch")
            .description("Routes each event to the first branch whose rules it matches")
            .icon("git-branch")
            .outputs(DEFAULT)
            .dynamicPorts()
            .properties(
                    PropertySpec.builder("branches", PropertyType.LIST)
                            .title("Branches")
                            .required()
                            .description("Tried in order; each branch name becomes an output port")
                            .items(
                                    PropertySpec.builder("name", PropertyType.STRING)
                                            .title("Name")
                                            .required()
                                            .description("The output port's name")
                                            .placeholder("big-orders")
                                            .build(),
                                    RuleProperties.match("all: every rule must hold; any: at least one"),
                                    RuleProperties.rules("The conditions for this branch"))
                            .build(),
                    PropertySpec.builder("mode", PropertyType.ENUM)
                            .title("Mode")
                            .options("first", "all")
                            .defaultValue("first")
                            .description("first: only the first matching branch gets the event; "
                                    + "all: every matching branch gets its own copy")
                            .build())
            .helpResource(SwitchConnector.class, "switch.md", RuleProperties.HELP)
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<PortSpec> outputs(NodeConfig config) {
        List<PortSpec> ports = new ArrayList<>();
        for (String name : Branch.names(config)) {
            ports.add(PortSpec.of(name, name, "Events that match the branch '" + name + "'"));
        }
        ports.add(DEFAULT);
        return ports;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Branch.readAll(config, problems);
        mode(config, problems);
        return problems;
    }

    private static boolean mode(NodeConfig config, List<ConfigProblem> problems) {
        String mode = config.string("mode", "first");
        if (!mode.equals("first") && !mode.equals("all")) {
            problems.add(new ConfigProblem("/mode", "mode is '" + mode + "'; expected first or all"));
        }
        return mode.equals("all");
    }

    @Override
    public void compile(NodeContext node) {
        List<ConfigProblem> validated = new ArrayList<>(); // the compiler checked the config: stays empty
        List<Branch> branches = Branch.readAll(node.config(), validated);
        boolean all = mode(node.config(), validated);
        if (all) {
            compileAll(node, branches);
        } else {
            compileFirst(node, branches);
        }
    }

    private static void compileFirst(NodeContext node, List<Branch> branches) {
        ChoiceDefinition choice = node.route().choice();
        for (Branch branch : branches) {
            choice.when(exchange -> branch.rules().test(exchange.getIn().getBody(Event.class)));
            node.emit(choice, branch.name());
        }
        choice.otherwise();
        node.emit(choice, DEFAULT_PORT);
        choice.end();
    }

    /**
     * Decides every branch up front (later branches must not see what earlier ones' successors did
     * to the exchange), then hands each matching branch a fresh copy of the original event.
     */
    private static void compileAll(NodeContext node, List<Branch> branches) {
        String matchedKey = "sb.switch." + node.nodeId() + ".matched";
        String originalKey = "sb.switch." + node.nodeId() + ".event";
        RouteDefinition route = node.route();
        route.process(exchange -> {
            Event event = exchange.getIn().getBody(Event.class);
            BitSet matched = new BitSet(branches.size());
            for (int i = 0; i < branches.size(); i++) {
                matched.set(i, branches.get(i).rules().test(event));
            }
            exchange.setProperty(matchedKey, matched);
            exchange.setProperty(originalKey, event);
        });
        for (int i = 0; i < branches.size(); i++) {
            int index = i;
            ChoiceDefinition choice = route.choice();
            choice.when(exchange ->
                            exchange.getProperty(matchedKey, BitSet.class).get(index))
                    .process(exchange -> restoreOriginal(exchange, originalKey));
            node.emit(choice, branches.get(i).name());
            choice.end();
        }
        ChoiceDefinition fallback = route.choice();
        fallback.when(exchange -> exchange.getProperty(matchedKey, BitSet.class).isEmpty())
                .process(exchange -> restoreOriginal(exchange, originalKey));
        node.emit(fallback, DEFAULT_PORT);
        fallback.end();
    }

    private static void restoreOriginal(Exchange exchange, String originalKey) {
        exchange.getIn().setBody(exchange.getProperty(originalKey, Event.class).deepCopy());
    }
}
