package dev.switchboard.runtime.engine;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Where push triggers leave accepted events until the flow runs them. The trigger answers its
 * caller once {@link #accept} returns; {@link #dispatchFrom} starts the route that runs them.
 */
public interface Inbox {

    ProcessorDefinition<?> accept(ProcessorDefinition<?> at, String flowId, String nodeId);

    RouteDefinition dispatchFrom(RouteBuilder builder, String flowId, String nodeId);

    /** The engine started; a durable inbox starts its dispatcher here. */
    default void start(CamelContext camel, RunTracker tracker) {}

    /** A flow's routes are running: a durable inbox dispatches what it kept for the flow. */
    default void flowStarted(String flowId) {}

    /** A flow is stopping: stop handing it events (what is kept stays kept). */
    default void flowStopping(String flowId) {}

    /** Stops dispatching, waiting up to {@code timeout} for events in flight; the rest stay kept. */
    default void stop(Duration timeout) {}
}
