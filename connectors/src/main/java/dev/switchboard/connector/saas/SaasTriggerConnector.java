package dev.switchboard.connector.saas;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;

/**
 * A vendor's webhook trigger: a POST to the node's path, its signature checked by the vendor's
 * {@link SignatureScheme}, the verified body read into a {@link Delivery}. A vendor adds only its
 * spec, its scheme, its reader and its body limit; the shared checks, paths and route are here.
 */
public abstract class SaasTriggerConnector implements Connector {

    /** The vendor's signature check for a node with this config. */
    protected abstract SignatureScheme signature(NodeConfig config);

    /** How a verified call becomes an event (or an immediate answer) for a node with this config. */
    protected abstract DeliveryReader reader(NodeConfig config);

    /** The largest body the vendor sends. */
    protected abstract long maxBodyBytes();

    /** The shared checks (path, secret, redelivery window); a vendor with more properties adds to them. */
    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        return SaasTriggers.validate(config);
    }

    @Override
    public List<String> httpPaths(NodeConfig config) {
        return SaasTriggers.httpPaths(config);
    }

    @Override
    public List<String> httpMethods(NodeConfig config) {
        return List.of("POST");
    }

    @Override
    public final void compile(NodeContext node) {
        NodeConfig config = node.config();
        SaasTriggers.compile(node, signature(config), reader(config), maxBodyBytes());
    }
}
