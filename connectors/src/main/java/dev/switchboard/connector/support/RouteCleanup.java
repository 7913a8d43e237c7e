package dev.switchboard.connector.support;

import org.apache.camel.Route;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Releases what a node set up for its route (registry beans, connection pools) when the route is
 * removed: on undeploy and on hot replace, so redeploying a flow many times leaks nothing.
 */
public final class RouteCleanup extends RoutePolicySupport {
    private final Runnable cleanup;

    private RouteCleanup(Runnable cleanup) {
        this.cleanup = cleanup;
    }

    public static void attach(RouteDefinition route, Runnable cleanup) {
        route.routePolicy(new RouteCleanup(cleanup));
    }

    @Override
    public void onRemove(Route route) {
        cleanup.run();
    }
}
