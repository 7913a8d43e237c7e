package dev.switchboard.runtime.engine;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Where events wait until a flow runs them: those push triggers accepted (the trigger answers its
 * caller once {@link #accept} returns; {@link #dispatchFrom} starts the route that runs them), and
 * those that wait to try a failed node again ({@link #retryLater}).
 */
public interface Inbox {

    ProcessorDefinition<?> accept(ProcessorDefinition<?> at, String flowId, String nodeId);

    RouteDefinition dispatchFrom(RouteBuilder builder, String flowId, String nodeId);

    /**
     * Keeps {@code retry} until it is due, then runs its event from its node. Returns once the
     * retry is kept: a durable inbox has committed it, so the failed run may count as finished.
     */
    void retryLater(RetryRequest retry);

    /** How many of one flow's events run at once when its {@code settings.concurrency} does not say. */
    default int defaultConcurrency() {
        return 8;
    }

    /** The engine started; the inbox starts its dispatcher here. */
    default void start(CamelContext camel, RunTracker tracker) {}

    /**
     * A flow's routes are running: the inbox dispatches what it kept for the flow, at most
     * {@code concurrency} of its events at a time.
     */
    default void flowStarted(String flowId, int concurrency) {}

    /** A flow is stopping: stop handing it events (what is kept stays kept). */
    default void flowStopping(String flowId) {}

    /** Stops dispatching, waiting up to {@code timeout} for events in flight; the rest stay kept. */
    default void stop(Duration timeout) {}
}
