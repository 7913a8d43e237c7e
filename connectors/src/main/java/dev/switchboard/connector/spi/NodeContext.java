package dev.switchboard.connector.spi;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/** What the compiler gives a connector while it compiles one node. */
public interface NodeContext {

    String flowId();

    String nodeId();

    /** The node's display name (its id when it has none). */
    String nodeName();

    /** The node's config with {@code {{secret:NAME}}} references already resolved. */
    NodeConfig config();

    CamelContext camel();

    /** For triggers: starts this node's route from a Camel endpoint. */
    RouteDefinition from(String uri);

    /** For triggers: starts this node's route from an endpoint object (one that carries more than a URI can). */
    RouteDefinition from(Endpoint endpoint);

    /** For steps and actions: the node's route, already started at its input. */
    RouteDefinition route();

    /**
     * Appends "hand the event on through {@code port}" to {@code at}: nothing but a marker when the
     * port is unwired, a direct call for one wire, a copying multicast for several.
     */
    ProcessorDefinition<?> emit(ProcessorDefinition<?> at, String port);

    boolean isWired(String port);

    /**
     * For steps that make an event of their own later, from events whose runs have ended (a
     * batch): appends "the event here starts a new run of this flow, at this node". Each event
     * that reaches the node is its own run, which ends there; the event this node makes is traced
     * and reported as a run that begins at it, the way a retry's run begins at the node it retries.
     * The engine stops such a node's route before the routes after it, so what the node still holds
     * when its flow stops can be handed on while they run.
     */
    ProcessorDefinition<?> beginRun(ProcessorDefinition<?> at);

    /**
     * For push triggers (webhooks): hands the event to the runtime's inbox, which runs it through
     * {@code out} later; the trigger can answer its caller as soon as this returns. When the node's
     * data contract rejects the event, it is not kept and {@link EventRejectedException} is thrown
     * here: catch it to answer the caller (400 with the violations).
     */
    ProcessorDefinition<?> accept(ProcessorDefinition<?> at);

    /** The CloudEvents {@code source} for events this node creates. */
    default String eventSource() {
        return "/switchboard/flows/" + flowId() + "/" + nodeId();
    }

    /** A service the hosting runtime provides (e.g. the file sandbox); fails when it provides none. */
    <T> T service(Class<T> type);

    /** This node's connection status: what the designer shows next to the node, and the log's status lines. */
    NodeStatus status();

    /**
     * Runs {@code cleanup} when this node's route is removed: on undeploy, on hot replace (once the
     * old version stopped), when the engine stops, and when the flow fails to compile or start.
     * Release here what {@code compile} set up outside the route (registry beans, pools). Cleanups
     * run in reverse registration order; one that throws is logged and the others still run.
     */
    void onStop(AutoCloseable cleanup);

    /**
     * For triggers whose consumer connects while it starts (an MQTT subscription), after
     * {@code from}: the route starts once the rest of the flow runs, in the background, tried
     * again every {@code retryEvery} until it starts. The flow deploys while {@code target} is
     * unreachable, and {@link #status()} says why the trigger waits. The runtime does the waiting.
     */
    void startWhenReachable(String target, Duration retryEvery);

    /**
     * Runs {@code check} on the runtime's scheduler while this node's route runs (first as it
     * starts), again after the delay each run returns. For probes a client library does not
     * report on itself; {@code check} should be short and report through {@link #status()}.
     */
    void repeatWhileRunning(Supplier<Duration> check);

    /**
     * The event as the runtime's central policies let it be written where people read it (a log
     * line): fields a masking policy names are masked. The runtime masks what it stores itself;
     * a connector that writes events out for reading calls this. Unchanged when no policy applies.
     */
    default Event redacted(Event event) {
        return event;
    }
}
