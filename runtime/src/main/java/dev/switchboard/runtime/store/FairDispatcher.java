package dev.switchboard.runtime.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued work on a fixed set of threads, fairly across flows: each flow has its own lane
 * (a bounded queue and a limit on how many of its items run at once), and the threads take from
 * the lanes in turn. A flow whose events are slow or failing can hold at most its limit of the
 * threads; the other flows' events keep moving.
 *
 * @param <T> the work item; {@code run} is called with it on a dispatcher thread
 */
final class FairDispatcher<T> {
    private static final Logger LOG = LoggerFactory.getLogger(FairDispatcher.class);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workReady = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final Map<String, Lane<T>> lanes = new HashMap<>();
    /** Lanes that have queued items and room to run one; each lane at most once. */
    private final ArrayDeque<Lane<T>> ready = new ArrayDeque<>();

    private final List<Thread> threads = new ArrayList<>();
    private final Consumer<T> run;
    private final int laneCapacity;
    private int running;
    private boolean stopping;

    private static final class Lane<T> {
        final ArrayDeque<T> queue = new ArrayDeque<>();
        int limit;
        int running;
        boolean isReady;
        boolean closed;

        Lane(int limit) {
            this.limit = limit;
        }

        boolean canRun() {
            return !queue.isEmpty() && running < limit;
        }
    }

    FairDispatcher(String name, int threadCount, int laneCapacity, Consumer<T> run) {
        this.run = run;
        this.laneCapacity = laneCapacity;
        for (int i = 1; i <= threadCount; i++) {
            Thread thread = new Thread(this::work, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    int threadCount() {
        return threads.size();
    }

    /** Opens a flow's lane, or changes its limit. */
    void open(String flowId, int limit) {
        lock.lock();
        try {
            Lane<T> lane = lanes.computeIfAbsent(flowId, id -> new Lane<>(limit));
            lane.limit = limit;
            markReady(lane);
        } finally {
            lock.unlock();
        }
    }

    /** Closes a flow's lane; its queued items are handed back, not run. Items running finish. */
    List<T> close(String flowId) {
        lock.lock();
        try {
            Lane<T> lane = lanes.remove(flowId);
            if (lane == null) {
                return List.of();
            }
            lane.closed = true;
            ready.remove(lane);
            List<T> dropped = new ArrayList<>(lane.queue);
            lane.queue.clear();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Queues an item for a flow; false when the flow has no lane or its queue is full. */
    boolean offer(String flowId, T item) {
        lock.lock();
        try {
            Lane<T> lane = lanes.get(flowId);
            if (stopping || lane == null || lane.queue.size() >= laneCapacity) {
                return false;
            }
            lane.queue.add(item);
            markReady(lane);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** How many more items the flow's queue takes now. */
    int room(String flowId) {
        lock.lock();
        try {
            Lane<T> lane = lanes.get(flowId);
            return lane == null || stopping ? 0 : laneCapacity - lane.queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void markReady(Lane<T> lane) {
        if (!lane.isReady && !lane.closed && lane.canRun()) {
            lane.isReady = true;
            ready.add(lane);
            workReady.signal();
        }
    }

    private void work() {
        while (true) {
            Lane<T> lane;
            T item;
            lock.lock();
            try {
                while (ready.isEmpty() && !stopping) {
                    workReady.awaitUninterruptibly();
                }
                if (stopping) {
                    return;
                }
                lane = ready.poll();
                lane.isReady = false;
                item = lane.queue.poll();
                lane.running++;
                running++;
                markReady(lane); // to the back of the turn, if it may run more
            } finally {
                lock.unlock();
            }
            try {
                run.accept(item);
            } catch (RuntimeException e) {
                // the item's owner handles its failures; a dispatcher thread must outlive one that did not
                LOG.error("Dispatching {} failed", item, e);
            } finally {
                lock.lock();
                try {
                    lane.running--;
                    running--;
                    markReady(lane);
                    if (running == 0) {
                        idle.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * Stops taking items: queued ones are handed back, not run; waits up to {@code timeout} for
     * the running ones. Returns the handed-back items and how many were still running.
     */
    Stopped<T> stop(Duration timeout) {
        List<T> dropped = new ArrayList<>();
        int stillRunning;
        lock.lock();
        try {
            stopping = true;
            for (Lane<T> lane : lanes.values()) {
                dropped.addAll(lane.queue);
                lane.queue.clear();
            }
            ready.clear();
            workReady.signalAll();
            long left = timeout.toNanos();
            while (running > 0 && left > 0) {
                left = idle.awaitNanos(left);
            }
            stillRunning = running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stillRunning = running;
        } finally {
            lock.unlock();
        }
        return new Stopped<>(dropped, stillRunning);
    }

    record Stopped<T>(List<T> dropped, int stillRunning) {}
}
