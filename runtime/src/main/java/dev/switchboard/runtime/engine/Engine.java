package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.FileSandbox;
import dev.switchboard.connector.support.DirectoryFileSandbox;
import dev.switchboard.runtime.compile.FlowCompileException;
import dev.switchboard.runtime.compile.FlowCompiler;
import dev.switchboard.runtime.compile.Services;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Camel engine that runs flows: deploy, hot-replace and undeploy one flow at a time
 * without disturbing the others. One engine per process (the CLI's or the designer's).
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** The largest request body a webhook accepts. */
    public static final long MAX_WEBHOOK_BODY_BYTES = 10L * 1024 * 1024;

    private final EngineOptions options;
    private final ConnectorCatalog catalog;
    private final DefaultCamelContext camel;
    private final VertxPlatformHttpServer httpServer;
    private final RunTracker tracker = new RunTracker();
    private final FlowCompiler compiler;
    private final Services services;
    private final Map<String, Deployed> deployed = new ConcurrentHashMap<>();

    private record Deployed(Flow flow, List<RouteDefinition> routes) {}

    public Engine(EngineOptions options, ConnectorCatalog catalog, SecretResolver secrets) {
        this(options, catalog, secrets, new Services(), new MemoryInbox(10_000, 4));
    }

    public Engine(EngineOptions options, ConnectorCatalog catalog, SecretResolver secrets, Services services, Inbox inbox) {
        this.options = options;
        this.catalog = catalog;
        this.services = services;
        services.register(FileSandbox.class, new DirectoryFileSandbox(options.dataDir()));
        this.camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("switchboard");
        camel.getShutdownStrategy().setTimeout(options.drainTimeout().toSeconds());
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        camel.getShutdownStrategy().setLogInflightExchangesOnTimeout(true);
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost(options.httpHost());
        http.setBindPort(options.httpPort());
        // webhooks: bounded bodies (413 beyond), and multipart uploads never written to the working directory
        http.setMaxBodySize(MAX_WEBHOOK_BODY_BYTES);
        http.getBodyHandler().setHandleFileUploads(false);
        this.httpServer = new VertxPlatformHttpServer(http);
        this.compiler = new FlowCompiler(catalog, secrets, services, inbox, tracker);
    }

    public Engine start() {
        try {
            camel.addService(httpServer, true, true);
            camel.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the engine: " + e.getMessage(), e);
        }
        LOG.info("Engine started; webhooks on http://{}:{}", options.httpHost(), httpPort());
        return this;
    }

    /** The port webhooks listen on (the real one when the options asked for 0). */
    public int httpPort() {
        return httpServer.getServer() != null ? httpServer.getServer().actualPort() : options.httpPort();
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
        List<RouteDefinition> routes = compiler.compile(flow, camel);
        Deployed previous = deployed.remove(flow.id());
        if (previous != null) {
            stopRoutes(flow.id());
        }
        try {
            ((ModelCamelContext) camel).addRouteDefinitions(routes);
            deployed.put(flow.id(), new Deployed(flow, routes));
            LOG.info("Flow '{}' {}", flow.id(), previous == null ? "deployed" : "replaced");
        } catch (Exception e) {
            stopRoutes(flow.id());
            if (previous != null) {
                restore(previous);
            }
            throw new FlowCompileException("Flow '" + flow.id() + "' could not start: " + rootMessage(e), e);
        }
    }

    private void restore(Deployed previous) {
        try {
            ((ModelCamelContext) camel).addRouteDefinitions(previous.routes());
            deployed.put(previous.flow().id(), previous);
        } catch (Exception e) {
            LOG.error("Flow '{}': the previous version could not be restarted either", previous.flow().id(), e);
        }
    }

    /** Stops a flow: its triggers first, then the rest once in-flight events finished. */
    public synchronized boolean undeploy(String flowId) {
        if (deployed.remove(flowId) == null) {
            return false;
        }
        stopRoutes(flowId);
        LOG.info("Flow '{}' stopped", flowId);
        return true;
    }

    public Set<String> deployedFlowIds() {
        return Set.copyOf(deployed.keySet());
    }

    public List<Flow> deployedFlows() {
        return deployed.values().stream().map(Deployed::flow).sorted(Comparator.comparing(Flow::id)).toList();
    }

    private void stopRoutes(String flowId) {
        List<Route> routes = new ArrayList<>(camel.getRoutes().stream().filter(r -> flowId.equals(r.getGroup())).toList());
        // triggers (routes not fed by direct:) first, so nothing new enters while the rest drains
        routes.sort(Comparator.comparing(r -> r.getEndpoint().getEndpointUri().startsWith("direct:")));
        for (Route route : routes) {
            try {
                camel.getRouteController().stopRoute(route.getRouteId(), options.drainTimeout().toSeconds(), TimeUnit.SECONDS);
                camel.removeRoute(route.getRouteId());
            } catch (Exception e) {
                LOG.warn("Route {} of flow '{}' did not stop cleanly: {}", route.getRouteId(), flowId, e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        for (String flowId : List.copyOf(deployed.keySet())) {
            undeploy(flowId);
        }
        camel.stop();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
