package dev.switchboard.runtime.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.connector.support.Template;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowSettings;
import dev.switchboard.runtime.model.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks flows and reports every problem at once, each with a JSON pointer and a plain message.
 * The CLI's {@code validate}, {@code run} and the designer's problems panel all use this one class.
 *
 * <p>Two passes: the published JSON Schema ({@link SchemaCheck}) for the file's shape, then the
 * checks that need the connector catalog (configs, ports, wires, loops). A semantic finding inside
 * something the schema already rejected is dropped, so one mistake gives one message.
 */
public final class FlowValidator {
    /** The config key through which any node with an input overrides the flow's retry policy. */
    public static final String NODE_RETRY = "retry";

    private final ConnectorCatalog catalog;
    /** The flows' schemas folder, for their data contracts; null when unknown. */
    private final SchemaRegistry schemas;

    /** Without a schemas folder: a node's contract is checked for its enforcement, not for its schema. */
    public FlowValidator(ConnectorCatalog catalog) {
        this(catalog, null);
    }

    public FlowValidator(ConnectorCatalog catalog, SchemaRegistry schemas) {
        this.catalog = catalog;
        this.schemas = schemas;
    }

    /**
     * Whether a config key is named like a credential ({@code password}, {@code apiKey}, {@code
     * accessToken} …): such a key anywhere in a config must not hold literal text.
     */
    public static boolean looksLikeCredential(String key) {
        return ConfigCheck.looksLikeCredential(key);
    }

    /** Checks a flow file's text: JSON syntax, structure, then everything {@link #validate(Flow)} checks. */
    public ValidationResult validate(String json) {
        JsonNode tree;
        try {
            tree = FlowCodec.parseTree(json);
        } catch (MalformedFlowException e) {
            return unreadable(e);
        }
        Flow flow = FlowCodec.fromTree(tree);
        return new ValidationResult(flow, combine(SchemaCheck.check(tree), semanticProblems(flow)));
    }

    /** A file that is not readable as JSON at all: one problem, with line and column. */
    public static ValidationResult unreadable(MalformedFlowException e) {
        return new ValidationResult(
                null,
                List.of(new Problem(
                        Problem.Severity.ERROR, "", malformedMessage(e), null, null, e.line(), e.column())));
    }

    /** Checks an in-memory flow (what the designer edits). */
    public List<Problem> validate(Flow flow) {
        List<Problem> unwritable = NumberCheck.tooLong(flow);
        if (!unwritable.isEmpty()) {
            // such a flow cannot be written as a file, so the schema cannot see it: these come first, alone
            return unwritable;
        }
        JsonNode tree;
        try {
            tree = FlowCodec.parseTree(FlowCodec.write(flow));
        } catch (MalformedFlowException e) {
            // an in-memory value beyond the file limits (a megabyte of text, nesting a thousand deep)
            return List.of(Problem.error("", malformedMessage(e)));
        }
        return combine(SchemaCheck.check(tree), semanticProblems(flow));
    }

    private static List<Problem> combine(List<Problem> structural, List<Problem> semantic) {
        Optional<Problem> wrongFormat =
                structural.stream().filter(p -> p.pointer().equals("/format")).findFirst();
        if (wrongFormat.isPresent()) {
            // Another version's rules are unknown here: anything else reported would be guesswork.
            return List.of(wrongFormat.get());
        }
        List<Problem> all = new ArrayList<>(structural);
        Set<String> rejected = new HashSet<>();
        structural.forEach(s -> rejected.add(s.pointer()));
        for (Problem p : semantic) {
            if (!Pointers.isWithinAny(p.pointer(), rejected)) {
                all.add(p);
            }
        }
        all.sort(Comparator.comparing(Problem::severity));
        return List.copyOf(all);
    }

    private List<Problem> semanticProblems(Flow flow) {
        List<Problem> problems = new ArrayList<>();
        Map<String, GraphCheck.NodeFacts> byId = new LinkedHashMap<>();
        for (int i = 0; i < flow.nodes().size(); i++) {
            Node node = flow.nodes().get(i);
            GraphCheck.NodeFacts facts = checkNode(i, node, problems);
            GraphCheck.NodeFacts first = byId.putIfAbsent(node.id(), facts);
            if (first != null && !node.id().isEmpty()) {
                problems.add(Problem.nodeError(
                        Pointers.node(i) + "/id",
                        node.id(),
                        null,
                        "Duplicate node id " + Quote.single(node.id()) + ": " + Pointers.node(first.index())
                                + " has it already; node ids must be unique in a flow"));
            }
        }
        problems.addAll(GraphCheck.check(flow, byId));
        checkSettings(flow.settings(), problems);
        problems.addAll(ContractCheck.check(flow, catalog, schemas));
        problems.addAll(httpRouteCollisions(flow, problems));
        return problems;
    }

    /** Two nodes of one flow answering the same method on the same path: the second is reported. */
    private List<Problem> httpRouteCollisions(Flow flow, List<Problem> problemsSoFar) {
        Set<Integer> brokenAddress = nodesWithBrokenAddress(problemsSoFar);
        List<Problem> problems = new ArrayList<>();
        HttpRoutes.collisions(HttpRoutes.of(flow, catalog, i -> !brokenAddress.contains(i)))
                .forEach(
                        (route, first) -> problems.add(
                                Problem.nodeError(
                                        routePointer(flow, route),
                                        route.nodeId(),
                                        "path",
                                        route.describe()
                                                + " is already served by node " + Quote.single(first.nodeId()) + " ("
                                                + Pointers.node(first.nodeIndex())
                                                + "): the web server can route a request to one node only; give this one its own path")));
        return problems;
    }

    /** Where a node's path is written: its {@code path} property when it has one (webhooks do), else its config. */
    static String routePointer(Flow flow, HttpRoutes.Route route) {
        String config = Pointers.node(route.nodeIndex()) + "/config";
        return flow.nodes().get(route.nodeIndex()).config().values().containsKey("path") ? config + "/path" : config;
    }

    /**
     * Indexes of nodes whose address is reported wrong already — an error at their whole config,
     * their path or their method — so a collision is not reported on top (other config errors do
     * not hide one: every problem at once).
     */
    static Set<Integer> nodesWithBrokenAddress(List<Problem> problems) {
        Set<String> address = Set.of("/config/path", "/config/method");
        Set<Integer> broken = new HashSet<>();
        for (Problem p : problems) {
            String pointer = p.pointer();
            if (p.isError() && pointer.startsWith("/nodes/")) {
                int slash = pointer.indexOf('/', "/nodes/".length());
                if (slash < 0) {
                    continue;
                }
                String inNode = pointer.substring(slash);
                if (inNode.equals("/config") || Pointers.isWithinAny(inNode, address)) {
                    broken.add(Integer.parseInt(pointer.substring("/nodes/".length(), slash)));
                }
            }
        }
        return broken;
    }

    private GraphCheck.NodeFacts checkNode(int index, Node node, List<Problem> problems) {
        String at = Pointers.node(index);
        if (node.disabled()) {
            // not compiled, so neither its type nor its config has to be one this runtime knows
            problems.add(Problem.warning(
                    at + "/disabled",
                    node.id(),
                    "Node " + Quote.single(node.id()) + " (" + Quote.shorten(node.type())
                            + ") is disabled: it is not run, and the wires into and out of it carry nothing"));
            problems.addAll(ConfigCheck.secretsInClear(node.config(), at + "/config", node.id()));
            return new GraphCheck.NodeFacts(index, node, null, null);
        }
        Optional<Connector> found = catalog.find(node.type());
        if (found.isEmpty()) {
            if (!node.type().isEmpty()) {
                List<String> known =
                        catalog.specs().stream().map(ConnectorSpec::id).toList();
                problems.add(Problem.nodeError(
                        at + "/type",
                        node.id(),
                        null,
                        "Unknown node type " + Quote.single(node.type()) + "."
                                + Suggestions.closest(node.type(), known)
                                        .map(s -> " Did you mean '" + s + "'?")
                                        .orElse(" Run `switchboard connectors` to list the known types.")));
            }
            return new GraphCheck.NodeFacts(index, node, null, null);
        }
        Connector connector = found.get();
        ConnectorSpec spec = connector.spec();
        List<Problem> configProblems = NodeConfigCheck.check(connector, node.config(), at + "/config", node.id());
        problems.addAll(configProblems);
        if (configProblems.stream().anyMatch(Problem::isError)) {
            // The connector's port logic may assume well-typed config; do not run it on a broken one.
            List<String> ports = spec.dynamicPorts() ? null : withErrorPort(spec, portNames(spec.outputs()));
            return new GraphCheck.NodeFacts(index, node, spec, ports);
        }
        try {
            NodeConfig config = new NodeConfig(NodeConfigCheck.connectorConfig(spec, node.config()));
            return new GraphCheck.NodeFacts(
                    index, node, spec, withErrorPort(spec, portNames(connector.outputs(config))));
        } catch (RuntimeException e) {
            problems.add(Problem.nodeError(
                    at + "/config",
                    node.id(),
                    null,
                    "The " + spec.id() + " connector could not work out this node's ports: " + e));
            return new GraphCheck.NodeFacts(index, node, spec, null);
        }
    }

    private static void checkSettings(ConfigValue.Fields settings, List<Problem> problems) {
        if (settings.values().get("retry") instanceof ConfigValue.Fields retry) {
            NodeConfigCheck.checkRetry(retry, "/settings/retry", problems);
        }
        if (settings.values().get(FlowSettings.ORDERING_KEY) instanceof ConfigValue.Text key) {
            String problem = Template.problem(key.value());
            if (problem != null) {
                problems.add(Problem.error(
                        "/settings/" + FlowSettings.ORDERING_KEY,
                        "expected a template such as {{data.customerId}}: " + problem));
            }
        }
    }

    private static List<String> withErrorPort(ConnectorSpec spec, List<String> ports) {
        if (!spec.hasInput() || ports.contains(PortSpec.ERROR)) {
            return ports;
        }
        List<String> all = new ArrayList<>(ports);
        all.add(PortSpec.ERROR);
        return all;
    }

    private static String malformedMessage(MalformedFlowException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (!e.isSyntaxError()) {
            return message;
        }
        if (message.startsWith("Duplicate field '")) {
            String key = message.substring(
                    "Duplicate field '".length(), message.indexOf('\'', "Duplicate field '".length()));
            return "The key \"" + Quote.shorten(key)
                    + "\" appears twice in the same object; each key may appear only once";
        }
        return "Not valid JSON: " + message;
    }

    private static List<String> portNames(List<PortSpec> ports) {
        return ports.stream().map(PortSpec::name).toList();
    }
}
