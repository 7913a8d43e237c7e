package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.validate.HttpRoutes;
import java.util.Collection;
import java.util.List;

/** Which running flow answers which webhook address, checked before another flow may claim it. */
final class WebhookClaims {
    private WebhookClaims() {}

    /**
     * Refuses a flow that would answer a webhook address (method and path) another running flow
     * answers already. The web server cannot route one address to two flows, and Camel's own refusal
     * ("multiple consumers for the same endpoint") names neither flow. A new version of a running
     * flow may keep its own addresses.
     */
    static void refuseServedElsewhere(Flow flow, Collection<Flow> running, ConnectorCatalog catalog)
            throws FlowCompileException {
        List<HttpRoutes.Route> served = HttpRoutes.of(flow, catalog);
        if (served.isEmpty()) {
            return;
        }
        for (Flow other : running) {
            if (other.id().equals(flow.id())) {
                continue;
            }
            for (HttpRoutes.Route taken : HttpRoutes.of(other, catalog)) {
                for (HttpRoutes.Route route : served) {
                    if (route.collidesWith(taken)) {
                        throw new FlowCompileException("Flow '" + flow.id() + "' could not start: its node '"
                                + route.nodeId()
                                + "' would serve " + route.describe() + ", which flow '" + other.id() + "' (node '"
                                + taken.nodeId() + "') already serves; give one of them another path");
                    }
                }
            }
        }
    }
}
