package dev.switchboard.runtime.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;

/**
 * What an engine keeps for its nodes beyond their routes: the {@link StatusBoard}, and the threads
 * that start triggers in the background and run nodes' periodic checks, so connectors never own
 * an executor. One per engine; {@link #open} gives each compiled flow its {@link FlowLifecycle}.
 */
public final class NodeSupervision implements AutoCloseable {
    private final StatusBoard board = new StatusBoard();
    /** Only keeps time: due tasks go to {@link #workers}, so a slow connect never delays another node's task. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("sb-node-timer"));

    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("sb-node-task"));

    private volatile PullTriggerGate pullTriggerGate;
    /** Routes of pull triggers that run only while the gate gives them to this runtime. */
    private final Set<String> gatedRoutes = ConcurrentHashMap.newKeySet();

    /** From now on pull triggers compiled on this engine run only while {@code gate} says so (cluster mode). */
    public void gatePullTriggers(PullTriggerGate gate) {
        this.pullTriggerGate = gate;
    }

    /** The gate of pull triggers; null when every pull trigger runs here. */
    PullTriggerGate pullTriggerGate() {
        return pullTriggerGate;
    }

    void gated(String routeId, boolean gated) {
        if (gated) {
            gatedRoutes.add(routeId);
        } else {
            gatedRoutes.remove(routeId);
        }
    }

    /** Whether {@code routeId} is a pull trigger's that may rightly be stopped here: another runtime runs it. */
    public boolean isGated(String routeId) {
        return gatedRoutes.contains(routeId);
    }

    public StatusBoard board() {
        return board;
    }

    /** The lifecycle of one compiled version of a flow. */
    public FlowLifecycle open(String flowId, CamelContext camel) {
        return new FlowLifecycle(flowId, camel, this);
    }

    /** Runs {@code task} on a worker after {@code delay}; null once the engine stopped. */
    ScheduledFuture<?> later(Runnable task, Duration delay) {
        try {
            return timer.schedule(
                    () -> {
                        try {
                            workers.execute(task);
                        } catch (RejectedExecutionException stopped) {
                            // the engine is stopping: nothing more to start or check
                        }
                    },
                    Math.max(0, delay.toMillis()),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            return null;
        }
    }

    /** After every flow's lifecycle was halted: no task is due any more. */
    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
