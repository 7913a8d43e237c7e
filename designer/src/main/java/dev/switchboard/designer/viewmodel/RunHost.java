package dev.switchboard.designer.viewmodel;

import dev.switchboard.designer.run.RunSession;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the run view-models share: the session while flows run, and the rule that work on it runs
 * off the UI thread with its outcome (or failure, in the status bar) back on the UI thread.
 */
final class RunHost {
    private static final Logger LOG = LoggerFactory.getLogger(RunHost.class);

    /** Work on the running session, off the UI thread. */
    @FunctionalInterface
    interface SessionWork<T> {
        T run(RunSession session) throws Exception;
    }

    private final RunEnvironment env;
    private final StringProperty status;
    private volatile RunSession session;

    RunHost(RunEnvironment env, StringProperty status) {
        this.env = env;
        this.status = status;
    }

    RunEnvironment env() {
        return env;
    }

    Optional<RunSession> session() {
        return Optional.ofNullable(session);
    }

    void setSession(RunSession session) {
        this.session = session;
    }

    void status(String text) {
        status.set(text);
    }

    /**
     * Runs {@code work} on the session in the background and hands its result to {@code done} on the
     * UI thread; when nothing runs, or the work fails, the status bar says so ({@code what} names the action).
     */
    <T> void submit(String what, SessionWork<T> work, Consumer<T> done) {
        submit(what, work, done, () -> {});
    }

    /** As {@link #submit(String, SessionWork, Consumer)}, then {@code always} on the UI thread whatever happened. */
    <T> void submit(String what, SessionWork<T> work, Consumer<T> done, Runnable always) {
        RunSession current = session;
        if (current == null) {
            status(what + ": nothing is running — press Run first");
            always.run();
            return;
        }
        env.background().execute(() -> {
            try {
                T result = work.run(current);
                env.ui().execute(() -> {
                    always.run();
                    done.accept(result);
                });
            } catch (Exception e) {
                // stopped meanwhile: the store it read from is closed and nobody waits for the answer
                boolean stopped = session != current;
                if (!stopped) {
                    LOG.warn("{} failed", what, e);
                }
                env.ui().execute(() -> {
                    always.run();
                    if (!stopped) {
                        status(what + " failed: " + message(e));
                    }
                });
            }
        });
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
