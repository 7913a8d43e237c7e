package dev.switchboard.connector.spi;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;
import java.util.Optional;

/**
 * A node type: its metadata and how one node of it compiles to Camel. Implementations are
 * stateless and registered in {@code META-INF/services/dev.switchboard.connector.spi.Connector}.
 * The compiler knows the graph; a connector knows only its own node.
 */
public interface Connector {

    ConnectorSpec spec();

    /**
     * Appends this node's processing to Camel. A trigger starts its route with
     * {@link NodeContext#from(String)}; a step or action appends to {@link NodeContext#route()}.
     * Either hands events on with {@link NodeContext#emit}.
     */
    void compile(NodeContext node) throws Exception;

    /** Output ports for a node with this config; only connectors with dynamic ports override it. */
    default List<PortSpec> outputs(NodeConfig config) {
        return spec().outputs();
    }

    /** Checks beyond what the property specs express (a valid regex, a known operator …). */
    default List<ConfigProblem> validate(NodeConfig config) {
        return List.of();
    }

    /**
     * The HTTP paths this node serves on the runtime's webhook server (shown to users as URLs);
     * only connectors that receive HTTP calls override it.
     */
    default List<String> httpPaths(NodeConfig config) {
        return List.of();
    }

    /**
     * The HTTP methods this node answers on its {@link #httpPaths}; empty means every method. Two
     * nodes may share a path only when their methods differ (the validator and the engine refuse the rest).
     */
    default List<String> httpMethods(NodeConfig config) {
        return List.of();
    }

    /**
     * The retry policy this node's own properties ask for (e.g. {@code http.request}'s
     * {@code retries}), or empty to leave it to the flow. A node's {@code config.retry} still wins.
     */
    default Optional<RetryPolicy> retryPolicy(NodeConfig config) {
        return Optional.empty();
    }

    /** The policy for a node of this type when neither the node nor its flow names one. */
    default Optional<RetryPolicy> defaultRetryPolicy() {
        return Optional.empty();
    }

    /**
     * Where a node of this type sends its events (an action's target URL or topic), read by the
     * runtime's central policies; empty for nodes that send nowhere the policies govern. Only the
     * property is named here: the runtime renders it for each event and may block the send.
     */
    default Optional<Destination> destination(NodeConfig config) {
        return Optional.empty();
    }
}
