package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The addresses a flow's nodes serve on the runtime's one web server (method and path, from
 * {@link Connector#httpPaths} and {@link Connector#httpMethods}), and which of them collide: the
 * web server can route one address to one node only. Used by the validator (within a flow and
 * across the files of one run) and by the engine (against the flows already running).
 */
public final class HttpRoutes {
    private HttpRoutes() {}

    /**
     * One address a node serves.
     *
     * @param methods the methods it answers; empty means all of them
     */
    public record Route(int nodeIndex, String nodeId, List<String> methods, String path) {
        /** True when a request could match both: same path, and a method both answer. */
        public boolean collidesWith(Route other) {
            return path.equals(other.path)
                    && (methods.isEmpty()
                            || other.methods.isEmpty()
                            || methods.stream().anyMatch(other.methods::contains));
        }

        /** {@code POST /hooks/leads}, or just the path when every method is answered. */
        public String describe() {
            return (methods.isEmpty() ? "" : String.join("|", methods) + " ") + Quote.shorten(path);
        }
    }

    /** Every address the flow's nodes serve, in node order. */
    public static List<Route> of(Flow flow, ConnectorCatalog catalog) {
        return of(flow, catalog, index -> true);
    }

    /**
     * @param usable which nodes to look at, by index: the validator leaves out nodes whose path or
     *     method is reported wrong already
     */
    static List<Route> of(Flow flow, ConnectorCatalog catalog, IntPredicate usable) {
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < flow.nodes().size(); i++) {
            Node node = flow.nodes().get(i);
            Optional<Connector> connector = catalog.find(node.type());
            if (connector.isEmpty() || node.disabled() || !usable.test(i)) {
                continue;
            }
            NodeConfig config = new NodeConfig(node.config());
            List<String> methods;
            List<String> paths;
            try {
                methods = connector.get().httpMethods(config);
                paths = connector.get().httpPaths(config);
            } catch (IllegalStateException e) {
                continue; // an ill-typed config (a number for a path): its own check reports it, it serves nothing
            }
            for (String path : paths) {
                routes.add(new Route(i, node.id(), List.copyOf(methods), path));
            }
        }
        return routes;
    }

    /** For each route that collides with an earlier one in the list, the earlier one; in list order. */
    public static Map<Route, Route> collisions(List<Route> routes) {
        Map<String, List<Route>> byPath = new HashMap<>();
        Map<Route, Route> found = new java.util.LinkedHashMap<>();
        for (Route route : routes) {
            List<Route> samePath = byPath.computeIfAbsent(route.path(), p -> new ArrayList<>());
            samePath.stream().filter(route::collidesWith).findFirst().ifPresent(first -> found.put(route, first));
            samePath.add(route);
        }
        return found;
    }
}
