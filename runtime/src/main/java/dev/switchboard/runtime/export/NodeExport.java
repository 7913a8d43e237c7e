package dev.switchboard.runtime.export;

import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link NodeTranslator} writes one node into: the route's {@code from} (triggers only), its
 * steps, named beans, and notes on what it cannot express. A node that routes by port (filter,
 * switch) sends to its successors itself; any other node's event goes on through {@code out}.
 */
final class NodeExport {
    private final Flow flow;
    private final Node node;
    private final NodeConfig config;
    private final List<ExportNote> notes;
    private final Map<String, String> beans;
    private final List<Object> steps = new ArrayList<>();
    private Map<String, Object> from;
    private final Map<String, List<Object>> extraRoutes = new LinkedHashMap<>();
    private boolean routesItself;

    NodeExport(Flow flow, Node node, List<ExportNote> notes, Map<String, String> beans) {
        this.flow = flow;
        this.node = node;
        this.config = new NodeConfig(node.config());
        this.notes = notes;
        this.beans = beans;
    }

    NodeConfig config() {
        return config;
    }

    String nodeId() {
        return node.id();
    }

    String type() {
        return node.type();
    }

    String flowId() {
        return flow.id();
    }

    /** Records what this node does that the export cannot express, and what the routes do instead. */
    void note(String feature, String detail) {
        notes.add(new ExportNote(node.id(), feature, detail));
    }

    /** A trigger's consumer endpoint. */
    void from(String uri, Map<String, Object> parameters) {
        from = CamelSteps.map("uri", uri, "parameters", parameters.isEmpty() ? null : parameters);
    }

    void add(Object step) {
        steps.add(step);
    }

    /** The node sends to its ports itself (through {@link #sendTo}); nothing is appended for {@code out}. */
    void routesItself() {
        routesItself = true;
    }

    /**
     * A text bean named after this node, read by a resource URI {@code ref:<name>} (how a JSONata
     * expression travels inside the one YAML file). Returns the name.
     */
    String bean(String suffix, String text) {
        String name = flow.id() + "." + node.id() + "." + suffix;
        beans.put(name, text);
        return name;
    }

    /** One more route for this node, consuming from {@code fromUri}. */
    void extraRoute(String fromUri, List<Object> routeSteps) {
        extraRoutes.put(fromUri, List.copyOf(routeSteps));
    }

    Map<String, List<Object>> extraRoutes() {
        return extraRoutes;
    }

    boolean isWired(String port) {
        return !flow.wiresFrom(node.id(), port).isEmpty();
    }

    /**
     * The steps that hand the event to every node wired to {@code port}: one {@code to}, or a
     * {@code multicast} that gives each successor its own copy, like Switchboard's fan-out.
     */
    List<Object> sendTo(String port) {
        List<Object> sends = new ArrayList<>();
        for (Wire wire : flow.wiresFrom(node.id(), port)) {
            sends.add(CamelSteps.to(inputOf(flow.id(), wire.to())));
        }
        if (sends.size() > 1) {
            return List.of(CamelSteps.step("multicast", CamelSteps.map("steps", sends)));
        }
        return sends;
    }

    /** The endpoint a non-trigger node's route consumes from. */
    static String inputOf(String flowId, String nodeId) {
        return "direct:" + flowId + "." + nodeId;
    }

    Map<String, Object> fromDefinition() {
        return from;
    }

    List<Object> steps() {
        return steps;
    }

    boolean sendsItself() {
        return routesItself;
    }
}
