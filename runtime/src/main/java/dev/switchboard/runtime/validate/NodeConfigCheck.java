package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.Durations;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything wrong with one node's config, in the one place both the validator and the compiler
 * ask: the generic check against the connector's property specs ({@link ConfigCheck}, with
 * {@link ReferenceCheck}), the runtime's own {@code config.retry}, then — when those found no
 * error — the connector's {@link Connector#validate}, which may therefore assume well-typed values.
 * A connector's {@code compile} may in turn assume a config without errors here.
 */
public final class NodeConfigCheck {
    private NodeConfigCheck() {}

    /**
     * Every problem (errors and warnings) with {@code config}, a node of {@code connector}'s type
     * whose config's JSON pointer is {@code configPointer} ({@code /nodes/3/config} in a flow file,
     * {@code config} for a message about one node).
     */
    public static List<Problem> check(
            Connector connector, ConfigValue.Fields config, String configPointer, String nodeId) {
        ConnectorSpec spec = connector.spec();
        List<Problem> problems = new ArrayList<>();
        ConfigValue.Fields connectorConfig = connectorConfig(spec, config);
        if (connectorConfig != config) {
            checkRetry(
                    config.values().get(FlowValidator.NODE_RETRY),
                    configPointer + "/" + FlowValidator.NODE_RETRY,
                    problems);
        }
        problems.addAll(ConfigCheck.check(spec.properties(), connectorConfig, configPointer, nodeId, spec.id()));
        if (problems.stream().anyMatch(Problem::isError)) {
            // the connector's own checks may assume a well-typed config: not run on a broken one
            return problems;
        }
        try {
            for (ConfigProblem p : connector.validate(new NodeConfig(connectorConfig))) {
                problems.add(Problem.nodeError(
                        configPointer + relative(p.pointer()), nodeId, firstToken(p.pointer()), p.message()));
            }
        } catch (RuntimeException e) {
            problems.add(Problem.nodeError(
                    configPointer, nodeId, null, "The " + spec.id() + " connector could not check this config: " + e));
        }
        return problems;
    }

    /**
     * The config as the connector sees it. Every node with an input may carry its own retry policy
     * ({@code config.retry}); it belongs to the runtime, not to the connector, so the connector's
     * checks never see it — unless the connector declares a property of that name itself.
     */
    static ConfigValue.Fields connectorConfig(ConnectorSpec spec, ConfigValue.Fields config) {
        boolean runtimeRetry = spec.hasInput()
                && spec.property(FlowValidator.NODE_RETRY).isEmpty()
                && config.values().containsKey(FlowValidator.NODE_RETRY);
        return runtimeRetry ? config.without(FlowValidator.NODE_RETRY) : config;
    }

    /** A retry policy (flow settings or a node's config.retry): {attempts, backoff, maxBackoff}. */
    static void checkRetry(ConfigValue value, String pointer, List<Problem> problems) {
        if (!(value instanceof ConfigValue.Fields retry)) {
            problems.add(Problem.error(
                    pointer,
                    "'retry' must be an object like {\"attempts\": 3, \"backoff\": \"1s\", \"maxBackoff\": \"1m\"}"));
            return;
        }
        for (String name : List.of("backoff", "maxBackoff")) {
            if (retry.values().get(name) instanceof ConfigValue.Text t
                    && !t.value().isBlank()) {
                try {
                    Durations.parse(t.value());
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.error(pointer + "/" + name, "'" + name + "': " + e.getMessage()));
                }
            }
        }
        ConfigValue attempts = retry.values().get("attempts");
        if (attempts != null
                && !(attempts instanceof ConfigValue.Num n
                        && n.value().signum() > 0
                        && n.value().stripTrailingZeros().scale() <= 0)) {
            problems.add(Problem.error(
                    pointer + "/attempts", "'attempts' must be a whole number of at least 1 (the first try counts)"));
        }
    }

    private static String relative(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return "";
        }
        return pointer.startsWith("/") ? pointer : "/" + pointer;
    }

    private static String firstToken(String pointer) {
        String p = relative(pointer);
        if (p.isEmpty()) {
            return null;
        }
        int next = p.indexOf('/', 1);
        return (next < 0 ? p.substring(1) : p.substring(1, next))
                .replace("~1", "/")
                .replace("~0", "~");
    }
}
