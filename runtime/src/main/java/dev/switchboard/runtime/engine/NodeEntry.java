package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.runtime.engine.compile.Endpoints;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/** Runs an event from a node of a flow rather than from its trigger: a retry, or a replayed dead letter. */
public final class NodeEntry {
    private NodeEntry() {}

    /**
     * Runs {@code event} from {@code nodeId}, synchronously, as a new run (a child of
     * {@code parentRunId} when given) making the {@code attempt}-th try of that node.
     *
     * @return the finished exchange; its exception, if any, is a failure no node handled
     */
    public static Exchange run(
            ProducerTemplate producer,
            RunTracker tracker,
            String flowId,
            String nodeId,
            Event event,
            Long replayOf,
            String parentRunId,
            int attempt) {
        Exchange exchange = new DefaultExchange(producer.getCamelContext());
        tracker.beginAt(exchange, flowId, nodeId, event, replayOf, parentRunId, attempt);
        return producer.send(Endpoints.nodeInput(flowId, nodeId), exchange);
    }

    /** Whether the flow, as deployed now, still has {@code nodeId} to run an event from. */
    public static boolean exists(ProducerTemplate producer, String flowId, String nodeId) {
        return producer.getCamelContext().getRoute(Endpoints.routeId(flowId, nodeId)) != null;
    }
}
