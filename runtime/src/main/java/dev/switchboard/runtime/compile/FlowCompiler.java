package dev.switchboard.runtime.compile;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.engine.Inbox;
import dev.switchboard.runtime.engine.RunTracker;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.RetryPolicy;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.DefaultErrorHandlerBuilder;
import org.apache.camel.builder.NoErrorHandlerBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * Turns a flow into Camel route definitions: one route per node, named {@code flow:node} and
 * grouped by flow. The compiler knows the graph; each connector compiles its own node.
 */
public final class FlowCompiler {
    private final ConnectorCatalog catalog;
    private final SecretResolver secrets;
    private final Services services;
    private final Inbox inbox;
    private final RunTracker tracker;

    public FlowCompiler(ConnectorCatalog catalog, SecretResolver secrets, Services services, Inbox inbox, RunTracker tracker) {
        this.catalog = catalog;
        this.secrets = secrets;
        this.services = services;
        this.inbox = inbox;
        this.tracker = tracker;
    }

    public List<RouteDefinition> compile(Flow flow, CamelContext camel) throws FlowCompileException {
        RouteBuilder builder = new RouteBuilder(camel) {
            @Override
            public void configure() {
                // routes are added by compileNode below, outside configure, so errors keep their type
            }
        };
        RetryPolicy retry = flow.settings().values().containsKey("retry")
                ? RetryPolicy.from(new NodeConfig(flow.settings()).object("retry")) : null;
        for (Node node : flow.nodes()) {
            compileNode(flow, node, builder, camel);
        }
        List<RouteDefinition> routes = List.copyOf(builder.getRouteCollection().getRoutes());
        for (RouteDefinition route : routes) {
            route.routeGroup(flow.id());
            route.errorHandler(errorHandler(retry));
        }
        return routes;
    }

    private void compileNode(Flow flow, Node node, RouteBuilder builder, CamelContext camel) throws FlowCompileException {
        Connector connector = catalog.find(node.type()).orElseThrow(() -> new FlowCompileException(
                "Node '" + node.id() + "' has the unknown type '" + node.type() + "'"));
        NodeConfig config;
        try {
            config = new NodeConfig(secrets.resolve(node.config()));
        } catch (SecretResolver.MissingSecretException e) {
            throw new FlowCompileException("Node '" + node.id() + "': " + e.getMessage(), e);
        }
        CompiledNode context = new CompiledNode(flow, node, config, builder, camel, services, inbox, tracker,
                connector.spec().kind() == ConnectorKind.TRIGGER);
        try {
            connector.compile(context);
        } catch (RuntimeException | Error e) {
            throw e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    ? new FlowCompileException("Node '" + node.id() + "' (" + node.type() + "): " + e.getMessage(), e)
                    : new FlowCompileException("Node '" + node.id() + "' (" + node.type() + ") failed to compile: " + e, e);
        } catch (Exception e) {
            throw new FlowCompileException("Node '" + node.id() + "' (" + node.type() + ") failed to compile: " + e.getMessage(), e);
        }
        context.finish();
    }

    private static org.apache.camel.ErrorHandlerFactory errorHandler(RetryPolicy retry) {
        if (retry == null || retry.attempts() <= 1) {
            return new NoErrorHandlerBuilder();
        }
        DefaultErrorHandlerBuilder handler = new DefaultErrorHandlerBuilder();
        handler.maximumRedeliveries(retry.attempts() - 1)
                .redeliveryDelay(retry.backoff().toMillis())
                .maximumRedeliveryDelay(retry.maxBackoff().toMillis())
                .useExponentialBackOff()
                .logExhausted(false)
                .logRetryAttempted(true);
        return handler;
    }
}
