package dev.switchboard.runtime.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.ToIntFunction;

/**
 * Keeps each flow's events from the log within the flow's {@code settings.concurrency} on this
 * runtime, without holding a worker thread for an event that has to wait: an event over its flow's
 * limit waits in its flow's queue, not on a thread, and starts when one of the flow's events
 * finishes. So a flow limited to one event at a time never stops other flows' events from using the
 * workers. Events of a flow without a limit, and records that name no flow, go to the workers
 * straight away.
 *
 * <p>The limit is asked for each time an event could start, so a flow replaced with another
 * limit gets it from its next event on.
 */
final class FlowLanes {
    /** One event's run on a worker thread. */
    interface Task {
        void run() throws Exception;
    }

    /** What {@code limitOf} answers for a flow without a limit. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    private final Executor workers;
    private final ToIntFunction<String> limitOf;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param workers the threads events run on
     * @param limitOf per flow id, how many of its events may run at once ({@link #UNLIMITED}: no limit)
     */
    FlowLanes(Executor workers, ToIntFunction<String> limitOf) {
        this.workers = workers;
        this.limitOf = limitOf;
    }

    /** Runs {@code task} once the flow has room; the future completes when it has run (exceptionally when it threw). */
    CompletableFuture<Void> run(String flowId, Task task) {
        Pending pending = new Pending(task, new CompletableFuture<>());
        if (flowId == null) {
            execute(pending, () -> {});
        } else {
            lanes.computeIfAbsent(flowId, Lane::new).offer(pending);
        }
        return pending.done();
    }

    private record Pending(Task task, CompletableFuture<Void> done) {}

    /**
     * Starts {@code pending} on a worker; {@code afterwards} runs once it finished, before its future
     * completes. False when the workers refuse it (they are shut down: the runtime stops, and the
     * batch is read again by the partition's next owner); {@code afterwards} does not run then.
     */
    private boolean execute(Pending pending, Runnable afterwards) {
        try {
            workers.execute(() -> {
                Throwable failure = null;
                try {
                    pending.task().run();
                } catch (Exception | Error e) {
                    failure = e;
                }
                // the slot is free before anything waiting on this event (its key's next event) asks for one
                afterwards.run();
                if (failure == null) {
                    pending.done().complete(null);
                } else {
                    pending.done().completeExceptionally(failure);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            pending.done().completeExceptionally(e);
            return false;
        }
    }

    /** One flow's events: how many run, and those waiting for room in the order they came. */
    private final class Lane {
        private final String flowId;
        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        private int running;

        Lane(String flowId) {
            this.flowId = flowId;
        }

        void offer(Pending pending) {
            synchronized (this) {
                if (running >= limitOf.applyAsInt(flowId)) {
                    waiting.add(pending);
                    return;
                }
                running++;
            }
            start(List.of(pending));
        }

        private void finished() {
            List<Pending> next = new ArrayList<>();
            synchronized (this) {
                running--;
                int limit = limitOf.applyAsInt(flowId);
                while (!waiting.isEmpty() && running < limit) {
                    next.add(waiting.poll());
                    running++;
                }
            }
            start(next);
        }

        /** Starts events already counted as running; once the workers refuse one, nothing of this lane runs any more. */
        private void start(List<Pending> counted) {
            for (int i = 0; i < counted.size(); i++) {
                if (!execute(counted.get(i), this::finished)) {
                    abandon(counted.subList(i + 1, counted.size()), counted.size() - i);
                    return;
                }
            }
        }

        private void abandon(List<Pending> notStarted, int uncounted) {
            List<Pending> failed = new ArrayList<>(notStarted);
            synchronized (this) {
                running -= uncounted;
                failed.addAll(waiting);
                waiting.clear();
            }
            RejectedExecutionException stopped = new RejectedExecutionException("the event log's workers stopped");
            failed.forEach(pending -> pending.done().completeExceptionally(stopped));
        }

        synchronized int running() {
            return running;
        }
    }

    /** How many of the flow's events run now (for tests and diagnostics). */
    int running(String flowId) {
        Lane lane = lanes.get(flowId);
        return lane == null ? 0 : lane.running();
    }
}
