package dev.switchboard.runtime.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Graceful stop on SIGTERM and Ctrl-C, before the JVM starts its shutdown hooks. A plain shutdown
 * hook is not enough: hooks run all at once, and H2 closes its databases in one of its own (it
 * must, with AUTO_SERVER), so a runtime draining in a hook would find its store closed under it
 * and leave finished events to run again. Handling the signal instead, the runtime stops in its
 * own order and only then lets the JVM exit. A second signal stops at once.
 */
final class ShutdownSignals {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

    private ShutdownSignals() {}

    /** On the first SIGTERM or SIGINT, runs {@code stop} on a thread of its own; on the second, halts. */
    static void onTerminate(PrintWriter err, Runnable stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (stopping.compareAndSet(false, true)) {
                        err.println("Stopping: finishing in-flight events… (send the signal again to stop at once)");
                        err.flush();
                        new Thread(stop, "switchboard-shutdown").start();
                    } else {
                        err.println("Stopping at once; events in flight run again at the next start");
                        err.flush();
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                });
            } catch (IllegalArgumentException e) {
                // a platform without this signal (SIGTERM on Windows): the shutdown hook still stops the runtime
                LOG.debug("Signal {} cannot be handled here: {}", name, e.getMessage());
            }
        }
    }
}
