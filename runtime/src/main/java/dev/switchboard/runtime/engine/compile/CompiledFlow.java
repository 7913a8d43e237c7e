package dev.switchboard.runtime.engine.compile;

import dev.switchboard.runtime.engine.FlowLifecycle;
import java.util.List;
import org.apache.camel.model.RouteDefinition;

/** One compiled version of a flow: its routes, and what its nodes set up besides them. */
public record CompiledFlow(List<RouteDefinition> routes, FlowLifecycle lifecycle) {
    public CompiledFlow {
        routes = List.copyOf(routes);
    }
}
