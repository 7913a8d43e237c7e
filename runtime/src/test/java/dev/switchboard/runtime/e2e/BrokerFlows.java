package dev.switchboard.runtime.e2e;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.util.List;
import java.util.Map;

/** Small builders for the broker and mail end-to-end tests. */
final class BrokerFlows {
    private BrokerFlows() {}

    static Engine engine() {
        return engine(Map.of());
    }

    /** An engine that resolves these {@code {{secret:NAME}}} references (flows may not hold the values themselves). */
    static Engine engine(Map<String, String> secrets) {
        return new Engine(EngineOptions.defaults().withHttpPort(0), ConnectorCatalog.load(), SecretResolver.of(secrets))
                .start();
    }

    static Flow flow(String id, List<Node> nodes, List<Wire> wires) {
        return new Flow(FlowFormat.CURRENT, id, id, null, null, nodes, wires, null);
    }

    /** A flow of nodes wired one after the other. */
    static Flow chain(String id, Node... nodes) {
        List<Wire> wires = new java.util.ArrayList<>();
        for (int i = 1; i < nodes.length; i++) {
            wires.add(Wire.of(nodes[i - 1].id(), nodes[i].id()));
        }
        return flow(id, List.of(nodes), wires);
    }

    static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }
}
