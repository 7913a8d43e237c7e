package dev.switchboard.runtime.engine;

import dev.switchboard.connector.ingress.IngressComponent;
import dev.switchboard.connector.ingress.IngressServer;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FileSandbox;
import dev.switchboard.connector.support.Causes;
import dev.switchboard.connector.support.DirectoryFileSandbox;
import dev.switchboard.runtime.engine.compile.CompiledFlow;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.engine.compile.FlowCompiler;
import dev.switchboard.runtime.engine.compile.Services;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowSettings;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.secrets.SecretMask;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Camel engine that runs flows: deploy, hot-replace and undeploy one flow at a time
 * without disturbing the others. Engines share nothing: each owns its Camel context, webhook server and node statuses.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineOptions options;
    private final ConnectorCatalog catalog;
    private final DefaultCamelContext camel;
    private final IngressServer ingress;
    private final FlowRoutes routes;
    private final RunTracker tracker;
    private final FlowCompiler compiler;
    private final Services services;
    private final Inbox inbox;
    private final SecretMask secretMask = new SecretMask();
    private final NodeSupervision supervision = new NodeSupervision();
    private final Map<String, Deployed> deployed = new ConcurrentHashMap<>();
    /** Flows whose start the engine's stop interrupted: released once the context stopped. */
    private final List<FlowLifecycle> interrupted = new ArrayList<>();

    private final TriggerInjector injector;

    /** Set as soon as close() is called, before it waits for a deploy in progress: no further deploys start. */
    private volatile boolean closing;

    private record Deployed(Flow flow, CompiledFlow compiled) {}

    public Engine(EngineOptions options, ConnectorCatalog catalog, SecretResolver secrets) {
        this(options, catalog, secrets, new Services(), new MemoryInbox(10_000, 4));
    }

    public Engine(
            EngineOptions options, ConnectorCatalog catalog, SecretResolver secrets, Services services, Inbox inbox) {
        this(options, catalog, secrets, services, inbox, null);
    }

    /**
     * @param deadLetters where events go that a node gave up on (and no error port caught); null
     *     makes such runs fail instead
     */
    public Engine(
            EngineOptions options,
            ConnectorCatalog catalog,
            SecretResolver secrets,
            Services services,
            Inbox inbox,
            DeadLetterSink deadLetters) {
        this.options = options;
        this.tracker = new RunTracker(options.policies());
        this.inbox = inbox;
        this.catalog = catalog;
        this.services = services;
        services.register(FileSandbox.class, new DirectoryFileSandbox(options.dataDir()));
        this.camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("switchboard");
        camel.getShutdownStrategy().setTimeout(options.drainTimeout().toSeconds());
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        camel.getShutdownStrategy().setLogInflightExchangesOnTimeout(true);
        this.ingress = new IngressServer(options.httpHost(), options.httpPort());
        camel.addComponent(IngressComponent.SCHEME, new IngressComponent(ingress));
        this.compiler = new FlowCompiler(
                        catalog, secrets, services, inbox, tracker, deadLetters, secretMask, supervision)
                .withPolicies(options.policies());
        this.routes = new FlowRoutes(camel, options.drainTimeout(), () -> closing);
        this.injector = new TriggerInjector(camel, catalog);
    }

    /**
     * Starts the webhook server, then the flows' context and the inbox.
     *
     * @throws dev.switchboard.connector.ingress.PortInUseException when the webhook port is taken
     * @throws IllegalStateException when anything else fails to start
     */
    public Engine start() {
        ingress.start();
        try {
            camel.start();
            inbox.start(camel, tracker);
        } catch (Exception e) {
            ingress.close();
            throw new IllegalStateException("Could not start the engine: " + e.getMessage(), e);
        }
        LOG.info("Engine started; webhooks on http://{}:{}", options.httpHost(), httpPort());
        return this;
    }

    /** The port webhooks listen on (the real one when the options asked for 0). */
    public int httpPort() {
        return ingress.port();
    }

    public String httpBaseUrl() {
        return "http://" + options.httpHost() + ":" + httpPort();
    }

    public EngineOptions options() {
        return options;
    }

    public ConnectorCatalog catalog() {
        return catalog;
    }

    public Services services() {
        return services;
    }

    public CamelContext camel() {
        return camel;
    }

    /** The central policies applied to every flow (policies.json): masking and routing. */
    public CentralPolicies policies() {
        return options.policies();
    }

    /** Every secret value the deployed flows resolved: mask them in whatever the runtime stores. */
    public SecretMask secretMask() {
        return secretMask;
    }

    /**
     * Pull triggers deployed from now on run only while {@code gate} gives them to this runtime
     * (cluster mode: once per cluster); call before deploying flows.
     */
    public void gatePullTriggers(PullTriggerGate gate) {
        supervision.gatePullTriggers(gate);
    }

    /** Whether a stopped {@code routeId} is a pull trigger another runtime of the cluster runs (health). */
    public boolean runsElsewhere(String routeId) {
        return supervision.isGated(routeId);
    }

    /** A node's connection status (brokers, databases, mailboxes); empty when it reported none or its flow is not running. */
    public Optional<StatusBoard.Status> nodeStatus(String flowId, String nodeId) {
        return supervision.board().get(flowId, nodeId);
    }

    /** The connection statuses of a running flow's nodes that reported one, by node id. */
    public Map<String, StatusBoard.Status> nodeStatuses(String flowId) {
        return supervision.board().ofFlow(flowId);
    }

    public void addRunListener(RunListener listener) {
        tracker.addListener(listener);
    }

    public void removeRunListener(RunListener listener) {
        tracker.removeListener(listener);
    }

    /**
     * Starts a flow, or replaces the running version of it. The new version is compiled before the
     * old one stops, so a flow that does not compile leaves the running one as it was.
     */
    public synchronized void deploy(Flow flow) throws FlowCompileException {
        if (closing) {
            throw new FlowRoutes.StoppedWhileStarting(flow.id());
        }
        WebhookClaims.refuseServedElsewhere(flow, deployedFlows(), catalog);
        CompiledFlow compiled = compiler.compile(flow, camel);
        Deployed previous = deployed.remove(flow.id());
        if (previous != null) {
            inbox.flowStopping(flow.id());
            stopRoutes(previous);
        }
        try {
            start(flow, compiled);
            LOG.info("Flow '{}' {}", flow.id(), previous == null ? "deployed" : "replaced");
        } catch (FlowRoutes.StoppedWhileStarting e) {
            // close() stops what did start, all at once, and then releases what the nodes set up
            interrupted.add(compiled.lifecycle());
            throw e;
        } catch (Exception e) {
            deployed.remove(flow.id());
            routes.stop(flow);
            compiled.lifecycle().close();
            if (previous != null) {
                restore(previous.flow());
            }
            throw new FlowCompileException("Flow '" + flow.id() + "' could not start: " + Causes.rootMessage(e), e);
        }
    }

    private void start(Flow flow, CompiledFlow compiled) throws Exception {
        routes.start(flow.id(), compiled.routes());
        compiled.lifecycle().routesStarted();
        deployed.put(flow.id(), new Deployed(flow, compiled));
        inbox.flowStarted(flow.id(), concurrency(flow));
    }

    /** Removes a flow's routes, then releases what its nodes set up (their onStop cleanups, statuses). */
    private void stopRoutes(Deployed running) {
        running.compiled().lifecycle().halt();
        routes.stop(running.flow());
        running.compiled().lifecycle().close();
    }

    private int concurrency(Flow flow) {
        return new FlowSettings(flow).concurrency(inbox.defaultConcurrency());
    }

    /**
     * Brings back the version a failed replacement stopped. It is compiled again: its nodes'
     * cleanups ran when it stopped, so its old routes may refer to what no longer exists.
     */
    private void restore(Flow previous) {
        CompiledFlow again = null;
        try {
            again = compiler.compile(previous, camel);
            start(previous, again);
        } catch (Exception e) {
            if (again != null) {
                routes.stop(previous);
                again.lifecycle().close();
            }
            LOG.error("Flow '{}': the previous version could not be restarted either", previous.id(), e);
        }
    }

    /** Stops a flow: its triggers first, then the rest once in-flight events finished. */
    public synchronized boolean undeploy(String flowId) {
        Deployed running = deployed.remove(flowId);
        if (running == null) {
            return false;
        }
        inbox.flowStopping(flowId);
        stopRoutes(running);
        LOG.info("Flow '{}' stopped", flowId);
        return true;
    }

    public Set<String> deployedFlowIds() {
        return Set.copyOf(deployed.keySet());
    }

    /** The running version of a flow, if it is deployed (a map look-up: cheap enough for every run). */
    public Optional<Flow> deployedFlow(String flowId) {
        Deployed running = deployed.get(flowId);
        return running == null ? Optional.empty() : Optional.of(running.flow());
    }

    public List<Flow> deployedFlows() {
        return deployed.values().stream()
                .map(Deployed::flow)
                .sorted(Comparator.comparing(Flow::id))
                .toList();
    }

    /**
     * Runs {@code event} in a deployed flow as if the trigger {@code triggerNodeId} had produced it
     * (the designer's "inject a sample event"). The trigger's own source is bypassed.
     *
     * <p>Synchronous, in two ways depending on the trigger: for a pull trigger (schedule, kafka,
     * sql.poll, file.watch …) it returns once the run finished; for a push trigger (webhook …) the
     * event goes through the inbox like a real request, and this returns once the inbox accepted it
     * (a durable inbox: committed) — the run follows on the inbox's threads. Either way the run is
     * reported to the run listeners like any other. A run that fails is such a run, not a failure
     * of the injection: this method does not throw for it.
     *
     * @throws IllegalArgumentException when the flow is not deployed, or has no trigger {@code triggerNodeId}
     * @throws IllegalStateException when no run started: the inbox did not accept the event, or the flow stopped meanwhile
     */
    public void inject(String flowId, String triggerNodeId, Event event) {
        Deployed running = deployed.get(flowId);
        if (running == null) {
            throw new IllegalArgumentException("Cannot inject into flow '" + flowId + "': it is not running");
        }
        injector.inject(running.flow(), triggerNodeId, event);
    }

    /**
     * The URLs each node of a running flow serves on the webhook server (nodeId → full URLs, in
     * node order; nodes that serve none are left out); empty when the flow is not deployed.
     */
    public Map<String, List<String>> addresses(String flowId) {
        Deployed running = deployed.get(flowId);
        return running == null ? new LinkedHashMap<>() : WebhookAddresses.of(running.flow(), catalog, httpBaseUrl());
    }

    /** True once {@link #close} was called: the engine takes no new flows. */
    public boolean isClosing() {
        return closing;
    }

    /**
     * Graceful stop, in the order that loses and repeats nothing: the webhook server stops
     * accepting (new requests get 503) and waits for the requests already inside to get their 202;
     * other triggers stop so nothing new is accepted; the inbox lets running events finish (up to the drain timeout; queued ones
     * stay in a durable inbox for the next start) and commits what they did; then the context
     * stops — all routes at once, not flow by flow, which in Camel costs time in the square of
     * the number of routes. Waits for a deploy in progress, and refuses further ones.
     */
    @Override
    public void close() {
        closing = true;
        // webhooks first: new requests get 503, the ones already inside get their commit and 202
        ingress.stopAccepting();
        ingress.awaitIdle(options.drainTimeout());
        synchronized (this) {
            List<FlowLifecycle> lifecycles = new ArrayList<>(interrupted);
            deployed.values().forEach(d -> lifecycles.add(d.compiled().lifecycle()));
            // no trigger starts in the background while the routes stop
            lifecycles.forEach(FlowLifecycle::halt);
            routes.stopTriggers();
            deployed.keySet().forEach(inbox::flowStopping);
            inbox.stop(options.drainTimeout());
            // a flow with a node that holds events (a batch) stops node by node, so they are handed on
            deployed.values().stream()
                    .filter(d -> d.compiled().lifecycle().holdsEvents())
                    .forEach(d -> routes.stopUpstreamFirst(d.flow()));
            for (String flowId : List.copyOf(deployed.keySet())) {
                deployed.remove(flowId);
                LOG.info("Flow '{}' stopped", flowId);
            }
            injector.stop();
            camel.stop();
            lifecycles.forEach(FlowLifecycle::close);
            supervision.close();
            ingress.close();
        }
    }
}
