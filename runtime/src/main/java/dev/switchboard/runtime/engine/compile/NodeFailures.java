package dev.switchboard.runtime.engine.compile;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.RetryHint;
import dev.switchboard.connector.spi.RetryPolicy;
import dev.switchboard.runtime.engine.DeadLetterSink;
import dev.switchboard.runtime.engine.Inbox;
import dev.switchboard.runtime.engine.RetryRequest;
import dev.switchboard.runtime.engine.RunTrace;
import dev.switchboard.runtime.policy.FieldMasker;
import dev.switchboard.runtime.policy.PolicyViolationException;
import dev.switchboard.runtime.secrets.SecretMask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an event when a node of a flow failed it: the one retry mechanism of the
 * runtime. While the node's policy allows another try and the failure may be retried (see
 * {@link RetryHint}), the event is handed to the inbox to try the node again later, after the
 * policy's backoff or the server's Retry-After, whichever is longer — no thread waits for it, and
 * a durable inbox keeps it across restarts. After the last try the event, as it entered the node,
 * goes to the node's {@code error} port when wired, else to the dead letters (committed before
 * the run counts as finished), else — {@code settings.deadLetter: false} — it is given up on.
 * An engine without dead letters fails the run instead.
 */
final class NodeFailures implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(NodeFailures.class);
    /** Exchange property naming the node that failed; set by each node's error handler. */
    static final String FAILED_NODE = "sb.failedNode";
    /** Set when the failed event is to leave through the node's error port (its last try failed). */
    private static final String TO_ERROR_PORT = "sb.toErrorPort";

    private final String flowId;
    private final Inbox inbox;
    private final DeadLetterSink deadLetters;
    private final boolean keepDeadLetters;
    private final SecretMask mask;
    private final FieldMasker fields;
    private final Clock clock;
    private final Map<String, NodePolicy> nodes = new HashMap<>();

    /** How one node fails: its retry policy (null: one try) and whether its error port is wired. */
    record NodePolicy(RetryPolicy retry, boolean errorPort) {}

    NodeFailures(
            String flowId,
            Inbox inbox,
            DeadLetterSink deadLetters,
            boolean keepDeadLetters,
            SecretMask mask,
            FieldMasker fields,
            Clock clock) {
        this.fields = fields;
        this.flowId = flowId;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.keepDeadLetters = keepDeadLetters;
        this.mask = mask;
        this.clock = clock;
    }

    /** Called while compiling, before any event runs. */
    void register(String nodeId, NodePolicy policy) {
        nodes.put(nodeId, policy);
    }

    /** Whether any node of the flow hands its failures here (else the flow needs no failure route). */
    boolean handlesAnyNode() {
        return !nodes.isEmpty();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String nodeId = exchange.getProperty(FAILED_NODE, String.class);
        NodePolicy policy = nodes.getOrDefault(nodeId, new NodePolicy(null, false));
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        RunTrace trace = exchange.getProperty(RunTrace.PROPERTY, RunTrace.class);
        Event input = trace != null ? trace.inputOf(nodeId) : null;
        if (input == null && exchange.getIn().getBody() instanceof Event body) {
            input = body;
        }
        // a failure may quote the event (an API echoing the body): no masked value in what is kept or logged
        String error = fields.maskValues(mask.mask(describe(cause)), input == null ? List.of() : List.of(input));
        int attempt = trace != null ? trace.attemptOf(nodeId) : 1;
        if (trace != null) {
            trace.failed(nodeId, error);
        }
        exchange.getIn().removeHeaders("CamelRedelivery*");
        exchange.removeProperty(FAILED_NODE);
        if (cause instanceof PolicyViolationException && deadLetters != null) {
            // a blocked send is an operator's decision, not a failure the flow may handle: never retried,
            // never through the error port, always kept (whatever settings.deadLetter says) to be reviewed
            deadLetters.deadLetter(flowId, nodeId, trace == null ? null : trace.runId(), input, error, attempt);
            exchange.setProperty(RunTrace.DEAD_LETTERED, nodeId);
            return;
        }
        if (retryLater(exchange, nodeId, policy.retry(), cause, input, attempt, trace, error)) {
            return;
        }
        if (policy.errorPort() && !(cause instanceof ContractViolationException broken && broken.bypassesErrorPort())) {
            Map<String, String> extensions = new HashMap<>(input.extensions());
            extensions.put("error", error);
            extensions.put("errornode", nodeId);
            exchange.getIn()
                    .setBody(new Event(
                            input.id(),
                            input.source(),
                            input.type(),
                            input.time(),
                            input.subject(),
                            input.dataContentType(),
                            input.data(),
                            extensions));
            exchange.setProperty(TO_ERROR_PORT, true);
            return;
        }
        if (deadLetters == null) {
            // an engine without dead letters fails the run, with the node's own exception
            throw cause != null ? cause : new IllegalStateException("Node '" + nodeId + "' failed");
        }
        if (keepDeadLetters) {
            deadLetters.deadLetter(flowId, nodeId, trace == null ? null : trace.runId(), input, error, attempt);
            exchange.setProperty(RunTrace.DEAD_LETTERED, nodeId);
        } else {
            LOG.warn(
                    "Flow '{}' gave up on event {} at node '{}' after {} attempt(s) (settings.deadLetter is false): {}",
                    flowId,
                    input.id(),
                    nodeId,
                    attempt,
                    error);
            exchange.setProperty(
                    RunTrace.GAVE_UP, "gave up at " + nodeId + " after " + attempt + " attempt(s): " + error);
        }
    }

    private boolean retryLater(
            Exchange exchange,
            String nodeId,
            RetryPolicy retry,
            Exception cause,
            Event input,
            int attempt,
            RunTrace trace,
            String error) {
        RetryHint hint = RetryHint.of(cause).orElse(null);
        if (retry == null || !retry.allowsAnotherAfter(attempt) || hint != null && !hint.retryable()) {
            return false;
        }
        Duration pause = retry.pauseAfter(attempt);
        if (hint != null
                && hint.retryAfter().isPresent()
                && hint.retryAfter().get().compareTo(pause) > 0) {
            pause = hint.retryAfter().get();
        }
        Instant due = clock.instant().plus(pause);
        inbox.retryLater(
                new RetryRequest(flowId, nodeId, input, attempt + 1, due, trace == null ? null : trace.runId()));
        exchange.setProperty(
                RunTrace.RETRY_SCHEDULED,
                "retrying " + nodeId + " (attempt " + (attempt + 1) + " of " + retry.attempts() + ") at " + due + ": "
                        + error);
        return true;
    }

    /** For a node's failure route: whether the event goes on through the error port (and forget the mark). */
    static boolean leavesThroughErrorPort(Exchange exchange) {
        return exchange.removeProperty(TO_ERROR_PORT) != null;
    }

    static String describe(Throwable error) {
        if (error == null) {
            return "failed";
        }
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }
}
