package dev.switchboard.runtime.engine.compile;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.RetryPolicy;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistryException;
import dev.switchboard.runtime.engine.DeadLetterSink;
import dev.switchboard.runtime.engine.FlowLifecycle;
import dev.switchboard.runtime.engine.Inbox;
import dev.switchboard.runtime.engine.NodeSupervision;
import dev.switchboard.runtime.engine.RunTracker;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.ContractBinding.Enforcement;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowSettings;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.secrets.SecretMask;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.validate.NodeConfigCheck;
import dev.switchboard.runtime.validate.Problem;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ErrorHandlerFactory;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.apache.camel.builder.NoErrorHandlerBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * Turns a flow into Camel route definitions: one route per node, named {@code flow:node} and
 * grouped by flow. The compiler knows the graph; each connector compiles its own node, after the
 * node's config passed {@link NodeConfigCheck} (the validator's own per-node check), so a
 * connector's {@code compile} never re-checks its config.
 *
 * <p>Failures: every node's route hands a failed event to {@link NodeFailures} (through the flow's
 * one failure route, or the node's own when its {@code error} port is wired), which retries it
 * later by the node's policy — {@code config.retry}, else the connector's own
 * ({@link Connector#retryPolicy}), else the flow's {@code settings.retry}, else the connector's
 * default — then routes it to the error port, the dead letters, or fails the run.
 */
public final class FlowCompiler {
    private final ConnectorCatalog catalog;
    private final SecretResolver secrets;
    private final Services services;
    private final Inbox inbox;
    private final RunTracker tracker;
    private final DeadLetterSink deadLetters;
    private final SecretMask mask;
    private final NodeSupervision supervision;
    private final CentralPolicies policies;

    public FlowCompiler(
            ConnectorCatalog catalog,
            SecretResolver secrets,
            Services services,
            Inbox inbox,
            RunTracker tracker,
            DeadLetterSink deadLetters,
            SecretMask mask,
            NodeSupervision supervision) {
        this(catalog, secrets, services, inbox, tracker, deadLetters, mask, supervision, CentralPolicies.none());
    }

    private FlowCompiler(
            ConnectorCatalog catalog,
            SecretResolver secrets,
            Services services,
            Inbox inbox,
            RunTracker tracker,
            DeadLetterSink deadLetters,
            SecretMask mask,
            NodeSupervision supervision,
            CentralPolicies policies) {
        this.policies = policies;
        this.catalog = catalog;
        this.secrets = secrets;
        this.services = services;
        this.inbox = inbox;
        this.tracker = tracker;
        this.deadLetters = deadLetters;
        this.mask = mask;
        this.supervision = supervision;
    }

    /** The same compiler, applying {@code central} policies to every flow it compiles. */
    public FlowCompiler withPolicies(CentralPolicies central) {
        return new FlowCompiler(catalog, secrets, services, inbox, tracker, deadLetters, mask, supervision, central);
    }

    /**
     * The flow's routes and the lifecycle of what its nodes set up. When compiling fails, what the
     * nodes compiled so far registered is released before this throws.
     */
    public CompiledFlow compile(Flow flow, CamelContext camel) throws FlowCompileException {
        FlowLifecycle lifecycle = supervision.open(flow.id(), camel);
        try {
            return new CompiledFlow(compileRoutes(flow, camel, lifecycle), lifecycle);
        } catch (FlowCompileException | RuntimeException | Error e) {
            lifecycle.close();
            throw e;
        }
    }

    private List<RouteDefinition> compileRoutes(Flow flow, CamelContext camel, FlowLifecycle lifecycle)
            throws FlowCompileException {
        RouteBuilder builder = new RouteBuilder(camel) {
            @Override
            public void configure() {
                // routes are added by compileNode below, outside configure, so errors keep their type
            }
        };
        FlowSettings settings = new FlowSettings(flow);
        Wiring wiring = new Wiring(flow);
        NodeFailures failures = new NodeFailures(
                flow.id(), inbox, deadLetters, settings.keepDeadLetters(), mask, policies.masker(), Clock.systemUTC());
        Map<String, ErrorHandlerFactory> handlers = new HashMap<>();
        for (Node node : flow.nodes()) {
            if (node.disabled()) {
                continue;
            }
            CompiledNode compiled = compileNode(flow, node, wiring, builder, camel, lifecycle);
            if (!compiled.isTrigger()) {
                handlers.put(
                        Endpoints.routeId(flow.id(), node.id()),
                        failureHandling(flow, compiled, settings.retry().orElse(null), failures, builder));
            }
        }
        if (failures.handlesAnyNode()) {
            builder.from(Endpoints.flowFailed(flow.id()))
                    .routeId(Endpoints.flowFailedRouteId(flow.id()))
                    .process(failures);
        }
        List<RouteDefinition> routes = List.copyOf(builder.getRouteCollection().getRoutes());
        for (RouteDefinition route : routes) {
            route.routeGroup(flow.id());
            ErrorHandlerFactory handler = handlers.get(route.getRouteId());
            route.errorHandler(handler != null ? handler : new NoErrorHandlerBuilder());
        }
        return routes;
    }

    /**
     * The node's error handler: no redelivery inside Camel (a retry is a later run), the failed
     * event marked with the node and handed to the flow's failure route — or to the node's own,
     * which goes on through its error port.
     */
    private ErrorHandlerFactory failureHandling(
            Flow flow, CompiledNode node, RetryPolicy flowRetry, NodeFailures failures, RouteBuilder builder) {
        boolean errorPort = node.isWired(PortSpec.ERROR);
        RetryPolicy retry = node.retryPolicy(flowRetry);
        if (deadLetters == null && !errorPort && (retry == null || retry.attempts() <= 1)) {
            // nothing to do on a failure but fail the run: no error handler in the way of every event
            return new NoErrorHandlerBuilder();
        }
        failures.register(node.nodeId(), new NodeFailures.NodePolicy(retry, errorPort));
        String failedUri = Endpoints.flowFailed(flow.id());
        if (errorPort) {
            failedUri = Endpoints.nodeFailed(flow.id(), node.nodeId());
            RouteDefinition failedRoute = builder.from(failedUri)
                    .routeId(Endpoints.routeId(flow.id(), node.nodeId()) + ":failed")
                    .process(failures);
            node.emit(failedRoute.filter(NodeFailures::leavesThroughErrorPort), PortSpec.ERROR);
        }
        String nodeId = node.nodeId();
        DeadLetterChannelBuilder handler = new DeadLetterChannelBuilder(failedUri);
        handler.logExhausted(false).logRetryAttempted(false).logStackTrace(false);
        handler.onPrepareFailure(exchange -> exchange.setProperty(NodeFailures.FAILED_NODE, nodeId));
        // if keeping the failed event fails (store down), the run must fail and the event stay in the inbox
        handler.deadLetterHandleNewException(false);
        handler.maximumRedeliveries(0);
        return handler;
    }

    /** The node's data contract, its schema compiled (once per version for the engine); null when it has none. */
    private ContractGate contractGate(Flow flow, Node node, Connector connector, DeadLetterSink keptDeadLetters)
            throws FlowCompileException {
        ContractBinding binding = node.contract();
        if (binding == null) {
            return null;
        }
        String where = "Node '" + node.id() + "' (" + node.type() + "): ";
        ContractSchemas schemas = services.find(ContractSchemas.class)
                .orElseThrow(() -> new FlowCompileException(where + "names the contract '" + binding.reference()
                        + "', but this runtime has no schemas folder"));
        Enforcement enforcement = binding.effectiveEnforcement();
        if (enforcement == Enforcement.ERROR_PORT && connector.spec().kind() == ConnectorKind.TRIGGER) {
            throw new FlowCompileException(where + "a trigger has no error port; use reject, dead-letter or warn");
        }
        try {
            return new ContractGate(flow.id(), node.id(), schemas.resolve(binding), enforcement, keptDeadLetters);
        } catch (SchemaRegistryException e) {
            throw new FlowCompileException(where + e.getMessage(), e);
        }
    }

    private CompiledNode compileNode(
            Flow flow, Node node, Wiring wiring, RouteBuilder builder, CamelContext camel, FlowLifecycle lifecycle)
            throws FlowCompileException {
        Connector connector = catalog.find(node.type())
                .orElseThrow(() -> new FlowCompileException(
                        "Node '" + node.id() + "' has the unknown type '" + node.type() + "'"));
        // the one check of a node's config (what the validator reports too): compile may assume a valid config
        List<Problem> errors = NodeConfigCheck.check(connector, node.config(), "config", node.id()).stream()
                .filter(Problem::isError)
                .toList();
        if (!errors.isEmpty()) {
            throw FlowCompileException.invalidConfig(node.id(), node.type(), errors);
        }
        NodeConfig config;
        try {
            config = new NodeConfig(
                    secrets.resolve(node.config(), connector.spec().properties()));
        } catch (SecretResolver.MissingSecretException e) {
            throw new FlowCompileException("Node '" + node.id() + "': " + e.getMessage(), e);
        }
        for (String name : SecretResolver.referencedNames(node.config())) {
            secrets.value(name).ifPresent(mask::add);
        }
        CompiledNode context = new CompiledNode(
                flow,
                node,
                connector,
                config,
                wiring,
                builder,
                camel,
                services,
                inbox,
                tracker,
                lifecycle,
                contractGate(flow, node, connector, new FlowSettings(flow).keepDeadLetters() ? deadLetters : null),
                policies);
        try {
            connector.compile(context);
        } catch (RuntimeException | Error e) {
            // a connector's message may quote its resolved config: never show a secret in it
            throw e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    ? new FlowCompileException(
                            "Node '" + node.id() + "' (" + node.type() + "): " + mask.mask(e.getMessage()), e)
                    : new FlowCompileException(
                            "Node '" + node.id() + "' (" + node.type() + ") failed to compile: "
                                    + mask.mask(e.toString()),
                            e);
        } catch (Exception e) {
            throw new FlowCompileException(
                    "Node '" + node.id() + "' (" + node.type() + ") failed to compile: " + mask.mask(e.getMessage()),
                    e);
        }
        context.finish();
        return context;
    }
}
