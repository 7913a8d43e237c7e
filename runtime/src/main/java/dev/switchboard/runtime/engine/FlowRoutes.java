package dev.switchboard.runtime.engine;

import dev.switchboard.runtime.engine.compile.Endpoints;
import dev.switchboard.runtime.model.Flow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the Camel routes of flows in the engine's context: triggers start last and
 * stop first, so nothing enters a flow whose other routes are not running.
 */
final class FlowRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(FlowRoutes.class);
    /** How many routes start between two checks for a stop (see start). */
    private static final int START_BATCH = 250;

    private final DefaultCamelContext camel;
    private final Duration drainTimeout;
    private final BooleanSupplier stopping;

    FlowRoutes(DefaultCamelContext camel, Duration drainTimeout, BooleanSupplier stopping) {
        this.camel = camel;
        this.drainTimeout = drainTimeout;
        this.stopping = stopping;
    }

    /** The engine began to stop while a flow's routes were being started. */
    static final class StoppedWhileStarting extends IllegalStateException {
        StoppedWhileStarting(String flowId) {
            super("The engine is stopping; flow '" + flowId + "' was not started");
        }
    }

    /**
     * Starts a flow's routes a few hundred at a time, checking between batches whether the engine
     * is stopping, so a stop is not kept waiting by the start of a flow of thousands of nodes.
     * The routes go straight to the context, not through Camel's model: adding a definition there
     * first tries to remove a route of the same id, which scans every route in the context — in
     * the square of the flow's size.
     */
    void start(String flowId, List<RouteDefinition> routes) throws Exception {
        List<RouteDefinition> ordered = new ArrayList<>(routes);
        ordered.sort(
                Comparator.comparing(route -> !route.getInput().getEndpointUri().startsWith("direct:")));
        for (int from = 0; from < ordered.size(); from += START_BATCH) {
            if (stopping.getAsBoolean()) {
                throw new StoppedWhileStarting(flowId);
            }
            ((ModelCamelContext) camel)
                    .startRouteDefinitions(ordered.subList(from, Math.min(ordered.size(), from + START_BATCH)));
        }
    }

    /**
     * Stops and removes a flow's routes, triggers first so nothing new enters while the rest drains,
     * then each node's route before the routes after it: what a node still holds as it stops (a
     * batch's open window) goes on to nodes that still run. Camel removes routes one by one, each
     * removal scanning every route of the context: a flow of thousands of nodes takes seconds here
     * (the whole engine's stop avoids this, see stopTriggers).
     */
    void stop(Flow flow) {
        for (Route route : upstreamFirst(flow)) {
            try {
                camel.getRouteController().stopRoute(route.getRouteId(), drainTimeout.toSeconds(), TimeUnit.SECONDS);
                camel.removeRoute(route.getRouteId());
            } catch (Exception e) {
                LOG.warn(
                        "Route {} of flow '{}' did not stop cleanly: {}",
                        route.getRouteId(),
                        flow.id(),
                        e.getMessage());
            }
        }
    }

    /**
     * Stops (without removing) a flow's routes one by one, upstream first, for an engine stop: Camel
     * stopping every route at once would stop the nodes after a batch before the batch hands on
     * what it holds.
     */
    void stopUpstreamFirst(Flow flow) {
        for (Route route : upstreamFirst(flow)) {
            try {
                camel.getRouteController().stopRoute(route.getRouteId(), drainTimeout.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn(
                        "Route {} of flow '{}' did not stop cleanly: {}",
                        route.getRouteId(),
                        flow.id(),
                        e.getMessage());
            }
        }
    }

    /** The flow's routes: triggers, then node routes in wiring order, then the rest (failure routes). */
    private List<Route> upstreamFirst(Flow flow) {
        Map<String, Integer> order = new HashMap<>();
        List<String> nodes = NodeOrder.upstreamFirst(flow);
        for (int i = 0; i < nodes.size(); i++) {
            order.put(Endpoints.routeId(flow.id(), nodes.get(i)), i);
        }
        List<Route> routes = new ArrayList<>(camel.getRoutes().stream()
                .filter(r -> flow.id().equals(r.getGroup()))
                .toList());
        routes.sort(Comparator.comparing(
                        (Route r) -> r.getEndpoint().getEndpointUri().startsWith("direct:"))
                .thenComparing(r -> order.getOrDefault(r.getRouteId(), Integer.MAX_VALUE)));
        return routes;
    }

    /** Stops every route not fed by {@code direct:} (webhooks, schedules, consumers), letting their in-flight events finish. */
    void stopTriggers() {
        for (Route route : List.copyOf(camel.getRoutes())) {
            if (!route.getEndpoint().getEndpointUri().startsWith("direct:")) {
                try {
                    camel.getRouteController()
                            .stopRoute(route.getRouteId(), drainTimeout.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.warn("Trigger route {} did not stop cleanly: {}", route.getRouteId(), e.getMessage());
                }
            }
        }
    }
}
