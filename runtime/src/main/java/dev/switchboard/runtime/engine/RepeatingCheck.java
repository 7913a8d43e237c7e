package dev.switchboard.runtime.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a node's check while its route runs: as it starts, then after the delay each run returns. */
final class RepeatingCheck extends RoutePolicySupport {
    private static final Logger LOG = LoggerFactory.getLogger(RepeatingCheck.class);
    /** When a check throws instead of answering: try again later rather than never. */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(30);

    private final String flowId;
    private final String nodeId;
    private final Supplier<Duration> check;
    private final NodeSupervision supervision;
    private boolean running;
    private ScheduledFuture<?> next;

    RepeatingCheck(String flowId, String nodeId, Supplier<Duration> check, NodeSupervision supervision) {
        this.flowId = flowId;
        this.nodeId = nodeId;
        this.check = check;
        this.supervision = supervision;
    }

    @Override
    public synchronized void onStart(Route route) {
        running = true;
        next = supervision.later(this::run, Duration.ZERO);
    }

    @Override
    public void onStop(Route route) {
        cancel();
    }

    @Override
    public void onRemove(Route route) {
        cancel();
    }

    synchronized void cancel() {
        running = false;
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    private void run() {
        Duration delay;
        try {
            delay = check.get();
        } catch (RuntimeException e) {
            LOG.warn(
                    "Flow '{}', node '{}': its check failed ({}); next try in {} s",
                    flowId,
                    nodeId,
                    e.toString(),
                    AFTER_FAILURE.toSeconds());
            delay = AFTER_FAILURE;
        }
        synchronized (this) {
            if (running) {
                next = supervision.later(this::run, delay);
            }
        }
    }
}
