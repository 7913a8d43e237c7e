package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.NodeStatus;
import dev.switchboard.connector.support.ConnectionProblems;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

/**
 * Starts one trigger route whose consumer connects while starting (an MQTT subscription) after
 * the rest of its flow started, retrying until its server is reachable: the flow deploys while
 * the server is down, the node's status says why it waits, and it consumes once the server is up.
 */
final class BackgroundStart {
    private final CamelContext camel;
    private final String routeId;
    private final String target;
    private final Duration retryEvery;
    private final NodeStatus status;
    private final NodeSupervision supervision;
    /** Held while an attempt runs, so {@link #cancel} returns only once none does. */
    private final ReentrantLock attempting = new ReentrantLock();

    private volatile boolean cancelled;
    /** A gated trigger another runtime runs now: no attempt until {@link #begin} again. */
    private volatile boolean paused;

    private volatile ScheduledFuture<?> next;

    BackgroundStart(
            CamelContext camel,
            String routeId,
            String target,
            Duration retryEvery,
            NodeStatus status,
            NodeSupervision supervision) {
        this.camel = camel;
        this.routeId = routeId;
        this.target = target;
        this.retryEvery = retryEvery;
        this.status = status;
        this.supervision = supervision;
    }

    String routeId() {
        return routeId;
    }

    /** The flow's other routes run (or, for a gated trigger, this runtime got it): first attempt now. */
    void begin() {
        paused = false;
        status.connecting(target);
        next = supervision.later(this::attempt, Duration.ZERO);
    }

    private void attempt() {
        attempting.lock();
        try {
            if (cancelled || paused) {
                return;
            }
            ServiceStatus state = camel.getRouteController().getRouteStatus(routeId);
            if (state == null || state.isStarted()) {
                return;
            }
            try {
                camel.getRouteController().startRoute(routeId);
                status.up("connected to " + target);
            } catch (Exception e) {
                status.down(ConnectionProblems.cannotConnect(target, e, retryEvery));
                next = supervision.later(this::attempt, retryEvery);
            }
        } finally {
            attempting.unlock();
        }
    }

    /** No further attempt until {@link #begin}; waits for one in progress, like {@link #cancel}. */
    void pause() {
        paused = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
        attempting.lock();
        attempting.unlock();
    }

    /**
     * No further attempt; waits for one in progress (at most the client's connect timeout), so
     * the route is not started behind the back of the stop that follows.
     */
    void cancel() {
        cancelled = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
        attempting.lock();
        attempting.unlock();
    }
}
