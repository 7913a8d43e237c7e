package dev.switchboard.runtime.engine.compile;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FlowExchange;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.NodeStatus;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.RetryPolicy;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.engine.FlowLifecycle;
import dev.switchboard.runtime.engine.Inbox;
import dev.switchboard.runtime.engine.RunTracker;
import dev.switchboard.runtime.model.ContractBinding.Enforcement;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.FieldMasker;
import dev.switchboard.runtime.policy.PolicyDecision;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.MulticastDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/** The {@link NodeContext} of one node while its connector compiles it. */
final class CompiledNode implements NodeContext {
    /** The config key any node may carry to override the flow's retry policy. */
    static final String NODE_RETRY = "retry";
    /** Gives each branch of a fan-out its own copy of the event. */
    private static final Processor COPY_EVENT = exchange -> {
        Object body = exchange.getIn().getBody();
        if (body instanceof Event event) {
            exchange.getIn().setBody(event.deepCopy());
        }
    };

    private final Flow flow;
    private final Node node;
    private final Connector connector;
    private final NodeConfig config;
    private final Wiring wiring;
    private final RouteBuilder builder;
    private final CamelContext camel;
    private final Services services;
    private final Inbox inbox;
    private final RunTracker tracker;
    private final FlowLifecycle lifecycle;
    private final boolean trigger;
    /** The node's data contract; null when it has none. */
    private final ContractGate contract;

    private final CentralPolicies policies;
    private RouteDefinition route;
    /** Whether the connector handed its events to the inbox: a push trigger. */
    private boolean accepted;

    CompiledNode(
            Flow flow,
            Node node,
            Connector connector,
            NodeConfig config,
            Wiring wiring,
            RouteBuilder builder,
            CamelContext camel,
            Services services,
            Inbox inbox,
            RunTracker tracker,
            FlowLifecycle lifecycle,
            ContractGate contract,
            CentralPolicies policies) {
        this.flow = flow;
        this.node = node;
        this.connector = connector;
        this.config = config;
        this.wiring = wiring;
        this.builder = builder;
        this.camel = camel;
        this.services = services;
        this.inbox = inbox;
        this.tracker = tracker;
        this.lifecycle = lifecycle;
        this.contract = contract;
        this.policies = policies;
        this.trigger = connector.spec().kind() == ConnectorKind.TRIGGER;
    }

    @Override
    public String flowId() {
        return flow.id();
    }

    @Override
    public String nodeId() {
        return node.id();
    }

    @Override
    public String nodeName() {
        return node.displayName();
    }

    @Override
    public NodeConfig config() {
        return config;
    }

    @Override
    public CamelContext camel() {
        return camel;
    }

    @Override
    public RouteDefinition from(String uri) {
        checkTriggerStartsOneRoute();
        route = builder.from(uri).routeId(Endpoints.routeId(flow.id(), node.id()));
        return route;
    }

    @Override
    public RouteDefinition from(Endpoint endpoint) {
        checkTriggerStartsOneRoute();
        route = builder.from(endpoint).routeId(Endpoints.routeId(flow.id(), node.id()));
        return route;
    }

    private void checkTriggerStartsOneRoute() {
        if (!trigger) {
            throw new IllegalStateException("Only triggers start routes; use route()");
        }
        if (route != null) {
            throw new IllegalStateException("A trigger starts one route");
        }
    }

    @Override
    public RouteDefinition route() {
        if (trigger) {
            throw new IllegalStateException("A trigger has no input; start its route with from(uri)");
        }
        if (route == null) {
            // a node's input is always an Event object, never a stream: no stream caching to pay for.
            // The sender records the event entering this node (see emit): one processor per hop, not two.
            route = builder.from(Endpoints.nodeInput(flow.id(), node.id()))
                    .routeId(Endpoints.routeId(flow.id(), node.id()))
                    .streamCache("false");
            if (contract != null) {
                // runs inside the sender's route along a single wire too (NodeHop): every way in is checked
                route.process(contract.atInput());
            }
            // the one check before an action sends: routing may block it, masking for the destination
            Optional<PolicyGate> gate = PolicyGate.forNode(flow.id(), node.id(), connector, config, policies);
            gate.ifPresent(route::process);
        }
        return route;
    }

    @Override
    public ProcessorDefinition<?> emit(ProcessorDefinition<?> at, String port) {
        if (trigger && contract != null && contract.enforcement() != Enforcement.REJECT) {
            at = at.process(contract.atTrigger());
        }
        List<Wire> wires = wiring.from(node.id(), port);
        if (wires.isEmpty()) {
            String endedAt = node.id() + ":" + port;
            String filteredBy = PortSpec.OUT.equals(port) ? null : node.id();
            Processor leave = handOver(port, null);
            return at.process(exchange -> {
                leave.process(exchange);
                markEnd(exchange, endedAt, filteredBy);
            });
        }
        if (wires.size() == 1) {
            String next = wires.get(0).to();
            // the next node's route runs inside this one (see NodeHop): no direct: hop, no second route entry
            return at.process(new NodeHop(camel, Endpoints.nodeInput(flow.id(), next), handOver(port, next)));
        }
        MulticastDefinition fanOut =
                at.process(handOver(port, null)).multicast().onPrepare(COPY_EVENT);
        for (Wire wire : wires) {
            // each branch records its own copy of the event entering its node
            fanOut.pipeline()
                    .process(RunTracker.entered(wire.to()))
                    .to(Endpoints.nodeInput(flow.id(), wire.to()))
                    .end();
        }
        return fanOut.end();
    }

    /**
     * The one processor an emit runs before handing the event on: a trigger starts the run here;
     * every node records the event leaving it and, when {@code next} is given, entering {@code next}.
     */
    private Processor handOver(String port, String next) {
        return trigger
                ? tracker.beginAndHandOver(flow.id(), node.id(), port, next)
                : RunTracker.handedOver(node.id(), port, next);
    }

    private static void markEnd(Exchange exchange, String endedAt, String filteredBy) {
        exchange.setProperty(FlowExchange.ENDED_AT, endedAt);
        if (filteredBy != null) {
            exchange.setProperty(FlowExchange.FILTERED_BY, filteredBy);
        }
    }

    /**
     * The node's retry policy, null for one try: its {@code config.retry}, else what its
     * connector's own properties ask for, else the flow's, else the connector's default.
     */
    RetryPolicy retryPolicy(RetryPolicy flowPolicy) {
        if (node.config().values().containsKey(NODE_RETRY)) {
            return RetryPolicy.from(new NodeConfig(node.config()).object(NODE_RETRY));
        }
        return connector
                .retryPolicy(config)
                .or(() -> Optional.ofNullable(flowPolicy))
                .or(connector::defaultRetryPolicy)
                .orElse(null);
    }

    boolean isTrigger() {
        return trigger;
    }

    Node node() {
        return node;
    }

    @Override
    public boolean isWired(String port) {
        return !wiring.from(node.id(), port).isEmpty();
    }

    @Override
    public ProcessorDefinition<?> beginRun(ProcessorDefinition<?> at) {
        if (trigger) {
            throw new IllegalStateException("A trigger begins its runs as it emits; beginRun is for steps");
        }
        lifecycle.holdEvents();
        String flowId = flow.id();
        String nodeId = node.id();
        return at.process(exchange ->
                tracker.beginAt(exchange, flowId, nodeId, exchange.getIn().getBody(Event.class), null, null, 1));
    }

    @Override
    public ProcessorDefinition<?> accept(ProcessorDefinition<?> at) {
        if (!trigger) {
            throw new IllegalStateException("Only triggers accept events into the inbox");
        }
        accepted = true;
        RouteDefinition dispatch = inbox.dispatchFrom(builder, flow.id(), node.id())
                .routeId(Endpoints.dispatchRouteId(flow.id(), node.id()));
        emit(dispatch, PortSpec.OUT);
        return inbox.accept(rejectBroken(at), flow.id(), node.id());
    }

    @Override
    public Event redacted(Event event) {
        FieldMasker.Masked masked = policies.masker().mask(event);
        for (String rule : masked.rules()) {
            policies.decided(new PolicyDecision(flow.id(), node.id(), rule, "masked", "log"));
        }
        return masked.event();
    }

    @Override
    public <T> T service(Class<T> type) {
        return services.get(type);
    }

    @Override
    public NodeStatus status() {
        return lifecycle.status(node.id());
    }

    @Override
    public void onStop(AutoCloseable cleanup) {
        lifecycle.onStop(node.id(), cleanup);
    }

    @Override
    public void startWhenReachable(String target, Duration retryEvery) {
        if (!trigger || route == null) {
            throw new IllegalStateException("Only a trigger starts when reachable, after from(uri)");
        }
        lifecycle.startInBackground(route, node.id(), target, retryEvery);
    }

    @Override
    public void repeatWhileRunning(Supplier<Duration> check) {
        if (trigger && route == null) {
            throw new IllegalStateException("A trigger repeats a check while its route runs: call from(uri) first");
        }
        lifecycle.repeatWhileRunning(trigger ? route : route(), node.id(), check);
    }

    /** A push trigger's {@code reject} contract, before anything is kept. */
    private ProcessorDefinition<?> rejectBroken(ProcessorDefinition<?> at) {
        return contract != null && contract.enforcement() == Enforcement.REJECT ? at.process(contract.rejecting()) : at;
    }

    /** Checks the connector did what its kind requires. */
    void finish() throws FlowCompileException {
        if (contract != null && contract.enforcement() == Enforcement.REJECT && !(trigger && accepted)) {
            throw new FlowCompileException("Node '" + node.id() + "' (" + node.type() + "): the contract's enforcement"
                    + " 'reject' needs a trigger that answers its caller (webhook, the SaaS triggers);"
                    + " use dead-letter, error-port or warn");
        }
        if (trigger && route == null) {
            throw new FlowCompileException("Trigger '" + node.id() + "' (" + node.type() + ") started no route");
        }
        if (trigger) {
            if (!accepted && lifecycle.gatesPullTriggers()) {
                lifecycle.gate(route, node.id());
            }
            compileInjectRoute();
        }
    }

    /**
     * Every trigger also listens on its inject endpoint, so an event can start a run as if the
     * trigger had produced it. A push trigger's injected event goes through the inbox like a real
     * request (a durable inbox commits it first); a pull trigger's starts the run at once.
     */
    private void compileInjectRoute() {
        RouteDefinition inject = builder.from(Endpoints.injectInput(flow.id(), node.id()))
                .routeId(Endpoints.injectRouteId(flow.id(), node.id()))
                .streamCache("false");
        if (accepted) {
            inbox.accept(rejectBroken(inject), flow.id(), node.id());
        } else {
            emit(inject, PortSpec.OUT);
        }
    }
}
