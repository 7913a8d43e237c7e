package dev.switchboard.runtime.compile;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.runtime.engine.DeadLetterSink;
import dev.switchboard.runtime.engine.RunTrace;
import dev.switchboard.runtime.secrets.SecretMask;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * What happens to an event once a node failed it for the last time: it is put back as it entered
 * the node and either dead-lettered (durably, before the run counts as finished) or, with an
 * {@code error} port wired, handed on with {@code error} / {@code errornode} extensions.
 */
final class NodeFailure implements Processor {
    private final String flowId;
    private final String nodeId;
    private final int maxAttempts;
    private final DeadLetterSink deadLetters;
    private final SecretMask mask;

    NodeFailure(String flowId, String nodeId, int maxAttempts, DeadLetterSink deadLetters, SecretMask mask) {
        this.flowId = flowId;
        this.nodeId = nodeId;
        this.maxAttempts = maxAttempts;
        this.deadLetters = deadLetters;
        this.mask = mask;
    }

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = mask.mask(describe(cause));
        Integer counter = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        int attempts = counter == null ? maxAttempts : counter + 1;
        RunTrace trace = exchange.getProperty(RunTrace.PROPERTY, RunTrace.class);
        Event input = trace != null ? trace.inputOf(nodeId) : null;
        if (input == null && exchange.getIn().getBody() instanceof Event body) {
            input = body;
        }
        if (trace != null) {
            trace.failed(nodeId, error);
        }
        exchange.getIn().removeHeaders("CamelRedelivery*");
        if (deadLetters == null) {
            Map<String, String> extensions = new HashMap<>(input.extensions());
            extensions.put("error", error);
            extensions.put("errornode", nodeId);
            exchange.getIn().setBody(new Event(input.id(), input.source(), input.type(), input.time(), input.subject(),
                    input.dataContentType(), input.data(), extensions));
            return;
        }
        deadLetters.deadLetter(flowId, nodeId, trace == null ? null : trace.runId(), input, error, attempts);
        exchange.setProperty(RunTrace.DEAD_LETTERED, nodeId);
    }

    static String describe(Throwable error) {
        if (error == null) {
            return "failed";
        }
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }
}
