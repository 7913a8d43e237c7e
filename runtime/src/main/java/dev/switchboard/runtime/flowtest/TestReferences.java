package dev.switchboard.runtime.flowtest;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.flowtest.FlowTestFile.PinnedEvent;
import dev.switchboard.runtime.flowtest.FlowTestFile.TestCase;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks that what a test file names exists in its flow: triggers, stubbed actions, nodes and their ports. */
final class TestReferences {
    private final Flow flow;
    private final ConnectorCatalog catalog;
    private final List<TestFileProblem> problems = new ArrayList<>();

    private TestReferences(Flow flow, ConnectorCatalog catalog) {
        this.flow = flow;
        this.catalog = catalog;
    }

    static List<TestFileProblem> check(FlowTestFile file, Flow flow, ConnectorCatalog catalog) {
        TestReferences references = new TestReferences(flow, catalog);
        file.cases().forEach(references::check);
        return List.copyOf(references.problems);
    }

    private void check(TestCase testCase) {
        for (PinnedEvent event : testCase.events()) {
            node(event.pointer() + "/trigger", event.trigger()).ifPresent(connector -> {
                if (connector.spec().kind() != ConnectorKind.TRIGGER) {
                    problems.add(new TestFileProblem(
                            event.pointer() + "/trigger",
                            "'" + event.trigger() + "' is a " + connector.spec().id()
                                    + " node, not a trigger; events enter a flow at a trigger (" + triggers() + ")"));
                }
            });
        }
        for (Map.Entry<String, Stub> stub : testCase.stubs().entrySet()) {
            String pointer = testCase.pointer() + "/stubs/" + FlowTestCodec.escape(stub.getKey());
            node(pointer, stub.getKey()).ifPresent(connector -> {
                if (!StubbedConnectors.isStubbedAction(connector)) {
                    problems.add(new TestFileProblem(
                            pointer,
                            "'" + stub.getKey() + "' is a " + connector.spec().id()
                                    + " node; only actions that send something are stubbed"));
                } else if (stub.getValue() instanceof Stub.Reply
                        && !connector.spec().id().equals(StubbedConnectors.HTTP_REQUEST)) {
                    problems.add(new TestFileProblem(
                            stub.getValue().pointer(),
                            "only http.request nodes answer with a reply; give a "
                                    + connector.spec().id()
                                    + " node \"merge\" (what it adds to the event's data), \"data\" or \"error\""));
                }
            });
        }
        for (Expectation expectation : testCase.expectations()) {
            check(expectation);
        }
    }

    private void check(Expectation expectation) {
        Optional<Connector> connector = node(expectation.pointer() + "/node", expectation.node());
        if (connector.isEmpty()) {
            return;
        }
        String port = null;
        if (expectation instanceof Expectation.EventMatch match && !match.spot().input()) {
            port = match.spot().port();
        } else if (expectation instanceof Expectation.FieldsMatch match
                && !match.spot().input()) {
            port = match.spot().port();
        } else if (expectation instanceof Expectation.Filtered filtered) {
            port = filtered.port();
        }
        if (port != null) {
            Node node = flow.node(expectation.node()).orElseThrow();
            List<String> ports = new ArrayList<>(connector.get().outputs(new NodeConfig(node.config())).stream()
                    .map(PortSpec::name)
                    .toList());
            if (!ports.contains(PortSpec.ERROR)) {
                ports.add(PortSpec.ERROR);
            }
            if (!ports.contains(port)) {
                problems.add(new TestFileProblem(
                        expectation.pointer() + "/port",
                        "'" + expectation.node() + "' has no port '" + port + "'; its ports: "
                                + String.join(", ", ports)));
            }
        }
        if (expectation instanceof Expectation.Calls calls
                && calls.request() != null
                && !connector.get().spec().id().equals(StubbedConnectors.HTTP_REQUEST)) {
            problems.add(new TestFileProblem(
                    expectation.pointer() + "/request",
                    "only http.request nodes send a request; '" + expectation.node() + "' is a "
                            + connector.get().spec().id() + " node: match its event with 'with'"));
        }
        if (expectation instanceof Expectation.Calls && !StubbedConnectors.isStubbedAction(connector.get())) {
            problems.add(new TestFileProblem(
                    expectation.pointer() + "/calls",
                    "calls are counted at stubbed actions; '" + expectation.node() + "' is a "
                            + connector.get().spec().id() + " node"));
        }
    }

    private Optional<Connector> node(String pointer, String nodeId) {
        Optional<Node> node = flow.node(nodeId);
        if (node.isEmpty()) {
            problems.add(new TestFileProblem(
                    pointer,
                    "The flow '" + flow.id() + "' has no node '" + nodeId + "'; its nodes: "
                            + flow.nodes().stream().map(Node::id).collect(Collectors.joining(", "))));
            return Optional.empty();
        }
        return catalog.find(node.get().type());
    }

    private String triggers() {
        return flow.nodes().stream()
                .filter(n -> catalog.find(n.type())
                        .map(c -> c.spec().kind() == ConnectorKind.TRIGGER)
                        .orElse(false))
                .map(Node::id)
                .collect(Collectors.joining(", "));
    }
}
