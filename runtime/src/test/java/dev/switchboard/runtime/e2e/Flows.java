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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small builders for end-to-end flows: real engine, real routes, test.inject in and test.capture out. */
final class Flows {
    private Flows() {}

    static Engine engine(Path dataDir) {
        return new Engine(
                        EngineOptions.defaults().withHttpPort(0).withDataDir(dataDir),
                        ConnectorCatalog.load(),
                        SecretResolver.of(Map.of()))
                .start();
    }

    /** An engine with these secrets and a short drain, so tests that stop flows stay quick. */
    static Engine engine(Path dataDir, Map<String, String> secrets) {
        EngineOptions options = new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(2));
        return new Engine(options, ConnectorCatalog.load(), SecretResolver.of(secrets)).start();
    }

    static Flow flow(String id, List<Node> nodes, List<Wire> wires) {
        return new Flow(FlowFormat.CURRENT, id, id, null, null, nodes, wires, null);
    }

    /** A straight line: each node wired to the next through "out". */
    static Flow chain(String id, Node... nodes) {
        List<Wire> wires = new ArrayList<>();
        for (int i = 1; i < nodes.length; i++) {
            wires.add(Wire.of(nodes[i - 1].id(), nodes[i].id()));
        }
        return flow(id, List.of(nodes), wires);
    }

    static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    static Node inject(String id, String channel) {
        return node(id, "test.inject", "channel", channel);
    }

    static Node capture(String id, String sink) {
        return node(id, "test.capture", "sink", sink);
    }

    static ConfigValue rule(String field, String op, Object value) {
        return value == null
                ? ConfigValue.object("field", field, "op", op)
                : ConfigValue.object("field", field, "op", op, "value", value);
    }

    static ConfigValue rules(ConfigValue... rules) {
        return ConfigValue.list(rules);
    }

    /** A loopback port nothing listens on (yet). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
