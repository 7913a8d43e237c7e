package dev.switchboard.connector.support;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Starts a trigger route whose consumer connects while starting (an MQTT subscription) in the
 * background, retrying until the server is reachable. Without it an unreachable broker would make
 * deploying the flow fail; with it the flow deploys, {@link ConnectionStatus} says why it waits,
 * and the trigger starts consuming as soon as the server appears.
 */
public final class RetryingRouteStart extends RoutePolicySupport {
    private final CamelContext camel;
    private final String flowId;
    private final String nodeId;
    private final String target;
    private final Duration retryEvery;
    private volatile ScheduledExecutorService executor;
    private volatile boolean removed;
    private String routeId;

    private RetryingRouteStart(CamelContext camel, String flowId, String nodeId, String target, Duration retryEvery) {
        this.camel = camel;
        this.flowId = flowId;
        this.nodeId = nodeId;
        this.target = target;
        this.retryEvery = retryEvery;
    }

    /** Marks the route to start in the background; call on the trigger's route definition. */
    public static void attach(RouteDefinition route, CamelContext camel, String flowId, String nodeId,
                              String target, Duration retryEvery) {
        route.autoStartup(false);
        route.routePolicy(new RetryingRouteStart(camel, flowId, nodeId, target, retryEvery));
    }

    @Override
    public void onInit(Route route) {
        routeId = route.getRouteId();
        ConnectionStatus.connecting(flowId, nodeId, target);
        executor = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "sb-connect-" + routeId);
        // after the deploy that is adding the route has finished
        executor.schedule(this::attempt, 50, TimeUnit.MILLISECONDS);
    }

    private void attempt() {
        if (removed) {
            return;
        }
        ServiceStatus state = camel.getRouteController().getRouteStatus(routeId);
        if (state == null || state.isStarting()) {
            executor.schedule(this::attempt, 50, TimeUnit.MILLISECONDS);
            return;
        }
        if (state.isStarted()) {
            return;
        }
        try {
            camel.getRouteController().startRoute(routeId);
            ConnectionStatus.up(flowId, nodeId, "connected to " + target);
        } catch (Exception e) {
            ConnectionStatus.down(flowId, nodeId, ConnectionProblems.cannotConnect(target, e, retryEvery));
            if (!removed) {
                executor.schedule(this::attempt, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void onRemove(Route route) {
        removed = true;
        if (executor != null) {
            camel.getExecutorServiceManager().shutdownNow(executor);
        }
        ConnectionStatus.forget(flowId, nodeId);
    }
}
