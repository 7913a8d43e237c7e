package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.NodeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one compiled version of a flow set up besides its routes, and how it is released: nodes'
 * {@code onStop} cleanups, their status handles, background starts and periodic checks. The
 * compiler fills it; the engine {@link #routesStarted starts}, {@link #halt halts} and
 * {@link #close closes} it around the flow's routes — on undeploy, hot replace, engine stop, and
 * a deploy that failed.
 */
public final class FlowLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(FlowLifecycle.class);

    private record Cleanup(String nodeId, AutoCloseable action) {}

    private final String flowId;
    private final CamelContext camel;
    private final NodeSupervision supervision;
    private final List<Cleanup> cleanups = new ArrayList<>();
    private final Map<String, StatusBoard.Handle> statuses = new LinkedHashMap<>();
    private final List<BackgroundStart> starts = new ArrayList<>();
    private final List<RepeatingCheck> checks = new ArrayList<>();
    private final List<GatedTrigger> gated = new ArrayList<>();
    private final List<AutoCloseable> held = new ArrayList<>();
    private boolean closed;
    /** Whether a node keeps events in memory across runs (see NodeContext.beginRun). */
    private volatile boolean holdsEvents;

    /** A pull trigger's route that runs only while the gate says so; {@code background} when it connects while starting. */
    private record GatedTrigger(String routeId, String nodeId, BackgroundStart background) {}

    FlowLifecycle(String flowId, CamelContext camel, NodeSupervision supervision) {
        this.flowId = flowId;
        this.camel = camel;
        this.supervision = supervision;
    }

    /** A node of this flow keeps events in memory across runs: the engine stops the flow node by node. */
    public void holdEvents() {
        holdsEvents = true;
    }

    public boolean holdsEvents() {
        return holdsEvents;
    }

    public synchronized NodeStatus status(String nodeId) {
        return statuses.computeIfAbsent(nodeId, id -> supervision.board().handle(flowId, id));
    }

    public synchronized void onStop(String nodeId, AutoCloseable cleanup) {
        if (cleanup == null) {
            throw new IllegalArgumentException("onStop needs a cleanup");
        }
        cleanups.add(new Cleanup(nodeId, cleanup));
    }

    /** The route does not start with the flow: {@link #routesStarted} starts it, retrying until it does. */
    public synchronized void startInBackground(
            RouteDefinition route, String nodeId, String target, Duration retryEvery) {
        if (retryEvery == null || retryEvery.isNegative() || retryEvery.isZero()) {
            throw new IllegalArgumentException("retry interval must be positive, got " + retryEvery);
        }
        route.autoStartup(false);
        starts.add(new BackgroundStart(camel, route.getRouteId(), target, retryEvery, status(nodeId), supervision));
    }

    /**
     * A pull trigger's route starts only while {@code gate} gives this runtime the trigger (cluster
     * mode), not with the flow; if it also starts in the background, that start waits for the gate too.
     */
    /** Whether pull triggers wait for a gate here (cluster mode) rather than start with their flow. */
    public boolean gatesPullTriggers() {
        return supervision.pullTriggerGate() != null;
    }

    public synchronized void gate(RouteDefinition route, String nodeId) {
        route.autoStartup(false);
        String routeId = route.getRouteId();
        BackgroundStart background = starts.stream()
                .filter(start -> start.routeId().equals(routeId))
                .findFirst()
                .orElse(null);
        starts.remove(background);
        gated.add(new GatedTrigger(routeId, nodeId, background));
        supervision.gated(routeId, true);
    }

    public synchronized void repeatWhileRunning(RouteDefinition route, String nodeId, Supplier<Duration> check) {
        RepeatingCheck repeating = new RepeatingCheck(flowId, nodeId, check, supervision);
        route.routePolicy(repeating);
        checks.add(repeating);
    }

    /** All the flow's other routes run: begin the background starts. */
    public synchronized void routesStarted() {
        if (!closed) {
            starts.forEach(BackgroundStart::begin);
            if (!gated.isEmpty()) {
                PullTriggerGate gate = supervision.pullTriggerGate();
                for (GatedTrigger trigger : gated) {
                    held.add(gate.hold(trigger.routeId(), () -> startGated(trigger), () -> stopGated(trigger)));
                }
            }
        }
    }

    private void startGated(GatedTrigger trigger) {
        if (trigger.background() != null) {
            trigger.background().begin();
            return;
        }
        try {
            camel.getRouteController().startRoute(trigger.routeId());
        } catch (Exception e) {
            status(trigger.nodeId()).down("could not start: " + e.getMessage());
            LOG.warn("Flow '{}', trigger '{}' could not start: {}", flowId, trigger.nodeId(), e.toString(), e);
        }
    }

    private void stopGated(GatedTrigger trigger) {
        if (trigger.background() != null) {
            trigger.background().pause();
        }
        try {
            camel.getRouteController().stopRoute(trigger.routeId());
        } catch (Exception e) {
            LOG.warn("Flow '{}', trigger '{}' could not stop: {}", flowId, trigger.nodeId(), e.toString(), e);
        }
    }

    /**
     * Before the flow's routes stop: no background start or check runs from now on (one that is
     * running is waited for), so nothing restarts a route while it is being removed.
     */
    public void halt() {
        List<BackgroundStart> pendingStarts;
        List<RepeatingCheck> pendingChecks;
        List<AutoCloseable> heldTriggers;
        synchronized (this) {
            pendingStarts = new ArrayList<>(starts);
            gated.stream().map(GatedTrigger::background).filter(b -> b != null).forEach(pendingStarts::add);
            pendingChecks = List.copyOf(checks);
            heldTriggers = List.copyOf(held);
            held.clear();
        }
        for (AutoCloseable trigger : heldTriggers) {
            try {
                trigger.close();
            } catch (Exception e) {
                LOG.warn("Flow '{}': giving up a pull trigger failed: {}", flowId, e.toString(), e);
            }
        }
        // outside the lock: an attempt in progress may need this lifecycle (its status) to finish
        pendingStarts.forEach(BackgroundStart::cancel);
        pendingChecks.forEach(RepeatingCheck::cancel);
    }

    /**
     * After the flow's routes were removed: runs the cleanups in reverse registration order (a
     * failing one is logged, the others still run), then forgets the nodes' statuses. Runs once.
     */
    public void close() {
        halt();
        List<Cleanup> toRun;
        List<StatusBoard.Handle> handles;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toRun = new ArrayList<>(cleanups);
            gated.forEach(trigger -> supervision.gated(trigger.routeId(), false));
            handles = List.copyOf(statuses.values());
        }
        for (int i = toRun.size() - 1; i >= 0; i--) {
            Cleanup cleanup = toRun.get(i);
            try {
                cleanup.action().close();
            } catch (Exception | LinkageError e) {
                LOG.warn(
                        "Flow '{}', node '{}': a cleanup on stop failed: {}",
                        flowId,
                        cleanup.nodeId(),
                        e.toString(),
                        e);
            }
        }
        handles.forEach(StatusBoard.Handle::retire);
    }
}
