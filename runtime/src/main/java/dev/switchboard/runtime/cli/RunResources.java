package dev.switchboard.runtime.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code run} started — broker, runtime, metrics, admin server — closed once, newest first,
 * by whoever asks first: a signal, the exit hook, or a start that failed. A signal may come while
 * {@code run} is still starting (a large flow takes seconds): from then on whatever starts is
 * closed at once, so the signal is never lost and nothing is left running.
 */
final class RunResources {
    private static final Logger LOG = LoggerFactory.getLogger(RunResources.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    /** Keeps {@code resource} to close later; false when a stop came first (it is then closed now). */
    boolean keep(AutoCloseable resource) {
        synchronized (this) {
            if (!closing) {
                started.push(resource);
                return true;
            }
        }
        closeQuietly(resource);
        return false;
    }

    synchronized boolean stopRequested() {
        return closing;
    }

    /** Closes everything kept, newest first; a second caller waits until the first has finished. */
    void close() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            if (closing) {
                toClose = null;
            } else {
                closing = true;
                toClose = new ArrayList<>(started);
                started.clear();
            }
        }
        if (toClose == null) {
            awaitClosed();
            return;
        }
        toClose.forEach(RunResources::closeQuietly);
        closed.countDown();
    }

    /** Until {@link #close} has finished. */
    void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Stopping {} failed: {}", resource.getClass().getSimpleName(), e.toString());
        }
    }
}
