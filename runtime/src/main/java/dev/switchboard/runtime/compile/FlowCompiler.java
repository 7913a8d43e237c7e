package dev.switchboard.runtime.compile;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.engine.DeadLetterSink;
import dev.switchboard.runtime.engine.Inbox;
import dev.switchboard.runtime.engine.RunTracker;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.RetryPolicy;
import dev.switchboard.runtime.secrets.SecretMask;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ErrorHandlerFactory;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.apache.camel.builder.DefaultErrorHandlerBuilder;
import org.apache.camel.builder.NoErrorHandlerBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * Turns a flow into Camel route definitions: one route per node, named {@code flow:node} and
 * grouped by flow. The compiler knows the graph; each connector compiles its own node.
 *
 * <p>Failures: each node's route retries by its policy ({@code config.retry} on the node, else
 * the flow's {@code settings.retry}); then the event goes to the node's {@code error} port when
 * wired, else to the dead-letter sink when the runtime has one, else the run fails.
 */
public final class FlowCompiler {
    private final ConnectorCatalog catalog;
    private final SecretResolver secrets;
    private final Services services;
    private final Inbox inbox;
    private final RunTracker tracker;
    private final DeadLetterSink deadLetters;
    private final SecretMask mask;

    public FlowCompiler(ConnectorCatalog catalog, SecretResolver secrets, Services services, Inbox inbox, RunTracker tracker) {
        this(catalog, secrets, services, inbox, tracker, null, new SecretMask());
    }

    public FlowCompiler(ConnectorCatalog catalog, SecretResolver secrets, Services services, Inbox inbox, RunTracker tracker,
                        DeadLetterSink deadLetters, SecretMask mask) {
        this.catalog = catalog;
        this.secrets = secrets;
        this.services = services;
        this.inbox = inbox;
        this.tracker = tracker;
        this.deadLetters = deadLetters;
        this.mask = mask;
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
        Map<String, CompiledNode> byRouteId = new HashMap<>();
        for (Node node : flow.nodes()) {
            CompiledNode compiled = compileNode(flow, node, builder, camel);
            byRouteId.put(Endpoints.routeId(flow.id(), node.id()), compiled);
        }
        Map<String, ErrorHandlerFactory> handlers = new HashMap<>();
        for (CompiledNode node : byRouteId.values()) {
            if (!node.isTrigger()) {
                handlers.put(Endpoints.routeId(flow.id(), node.nodeId()), failureHandling(flow, node, retry, builder));
            }
        }
        List<RouteDefinition> routes = List.copyOf(builder.getRouteCollection().getRoutes());
        for (RouteDefinition route : routes) {
            route.routeGroup(flow.id());
            ErrorHandlerFactory handler = handlers.get(route.getRouteId());
            route.errorHandler(handler != null ? handler : new NoErrorHandlerBuilder());
        }
        return routes;
    }

    private ErrorHandlerFactory failureHandling(Flow flow, CompiledNode node, RetryPolicy flowRetry, RouteBuilder builder) {
        RetryPolicy retry = node.retryPolicy(flowRetry);
        boolean errorPort = node.isWired(PortSpec.ERROR);
        if (!errorPort && deadLetters == null) {
            return legacyHandler(retry);
        }
        String failedUri = Endpoints.nodeFailed(flow.id(), node.nodeId());
        NodeFailure failure = new NodeFailure(flow.id(), node.nodeId(), retry == null ? 1 : retry.attempts(),
                errorPort ? null : deadLetters, mask);
        RouteDefinition failedRoute = builder.from(failedUri)
                .routeId(Endpoints.routeId(flow.id(), node.nodeId()) + ":failed")
                .process(failure);
        if (errorPort) {
            node.emit(failedRoute, PortSpec.ERROR);
        }
        DeadLetterChannelBuilder handler = new DeadLetterChannelBuilder(failedUri);
        handler.logExhausted(false).logRetryAttempted(false).logStackTrace(false);
        // if storing the dead letter fails, the run must fail (and the event stay in the inbox), not count as handled
        handler.deadLetterHandleNewException(false);
        if (retry != null && retry.attempts() > 1) {
            handler.maximumRedeliveries(retry.attempts() - 1)
                    .redeliveryDelay(retry.backoff().toMillis())
                    .maximumRedeliveryDelay(retry.maxBackoff().toMillis())
                    .useExponentialBackOff();
        } else {
            handler.maximumRedeliveries(0);
        }
        return handler;
    }

    /** Without a dead-letter store or error port: retry, then fail the run (the engine's original behaviour). */
    private static ErrorHandlerFactory legacyHandler(RetryPolicy retry) {
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

    private CompiledNode compileNode(Flow flow, Node node, RouteBuilder builder, CamelContext camel) throws FlowCompileException {
        Connector connector = catalog.find(node.type()).orElseThrow(() -> new FlowCompileException(
                "Node '" + node.id() + "' has the unknown type '" + node.type() + "'"));
        NodeConfig config;
        try {
            config = new NodeConfig(secrets.resolve(node.config(), connector.spec().properties()));
        } catch (SecretResolver.MissingSecretException e) {
            throw new FlowCompileException("Node '" + node.id() + "': " + e.getMessage(), e);
        }
        for (String name : SecretResolver.referencedNames(node.config())) {
            secrets.value(name).ifPresent(mask::add);
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
        return context;
    }
}
