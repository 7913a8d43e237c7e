package dev.switchboard.runtime.engine;

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
}
