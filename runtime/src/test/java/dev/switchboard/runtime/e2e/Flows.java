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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small builders for end-to-end tests: a straight-line flow and an engine on free ports. */
final class Flows {
    private Flows() {}

    static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    /** The nodes wired one after the other through their default port. */
    static Flow chain(String id, Node... nodes) {
        List<Wire> wires = new ArrayList<>();
        for (int i = 1; i < nodes.length; i++) {
            wires.add(Wire.of(nodes[i - 1].id(), nodes[i].id()));
        }
        return new Flow(FlowFormat.CURRENT, id, id, null, null, List.of(nodes), wires, null);
    }

    static Engine engine(Path dataDir, Map<String, String> secrets) {
        EngineOptions options = new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(2));
        return new Engine(options, ConnectorCatalog.load(), SecretResolver.of(secrets)).start();
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
