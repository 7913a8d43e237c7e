package dev.switchboard.runtime.engine.compile;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.EventRejectedException;
import dev.switchboard.runtime.contract.ContractSchemas.CompiledContract;
import dev.switchboard.runtime.contract.ContractViolation;
import dev.switchboard.runtime.engine.DeadLetterSink;
import dev.switchboard.runtime.engine.RunTrace;
import dev.switchboard.runtime.model.ContractBinding.Enforcement;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's data contract at work: checks the event's {@code data} against the compiled schema and
 * applies the binding's enforcement. Where it runs: a push trigger's {@code reject} before the
 * inbox ({@link #rejecting}); a trigger's other enforcements as its event leaves, before the run
 * begins ({@link #atTrigger}); any other node's as its route's first step ({@link #atInput}).
 */
final class ContractGate {
    private static final Logger LOG = LoggerFactory.getLogger(ContractGate.class);
    /** How many violations a message or log line spells out; the rest are counted. */
    private static final int SHOWN = 10;

    private final String flowId;
    private final String nodeId;
    private final CompiledContract contract;
    private final Enforcement enforcement;
    /** Where a trigger's broken events go with {@code dead-letter}; null when the flow keeps none. */
    private final DeadLetterSink deadLetters;

    ContractGate(
            String flowId,
            String nodeId,
            CompiledContract contract,
            Enforcement enforcement,
            DeadLetterSink deadLetters) {
        this.flowId = flowId;
        this.nodeId = nodeId;
        this.contract = contract;
        this.enforcement = enforcement;
        this.deadLetters = deadLetters;
    }

    Enforcement enforcement() {
        return enforcement;
    }

    /** Before a push trigger's inbox: an event that breaks the contract is refused, nothing kept. */
    Processor rejecting() {
        return exchange -> {
            List<ContractViolation> violations = violations(exchange);
            if (!violations.isEmpty()) {
                throw new EventRejectedException(
                        contract.reference(),
                        violations.stream()
                                .map(v -> new EventRejectedException.Violation(v.pointer(), v.message()))
                                .toList());
            }
        };
    }

    /** As a trigger's event leaves it, before its run begins: dead-letter or warn. */
    Processor atTrigger() {
        return exchange -> {
            List<ContractViolation> violations = violations(exchange);
            if (violations.isEmpty()) {
                return;
            }
            String summary = summary(violations);
            if (enforcement == Enforcement.WARN) {
                warn(exchange, summary);
                exchange.setProperty(RunTrace.TRIGGER_WARNING, summary);
                return;
            }
            Event event = exchange.getIn().getBody(Event.class);
            if (deadLetters == null) {
                // no dead letters here (settings.deadLetter false, or an engine without a store): given up, as a node
                // would
                LOG.warn(
                        "Flow '{}', trigger '{}': gave up on event {} (no dead letters kept): {}",
                        flowId,
                        nodeId,
                        event.id(),
                        summary);
            } else {
                deadLetters.deadLetter(flowId, nodeId, null, event, summary, 1);
                LOG.warn("Flow '{}', trigger '{}': event {} dead-lettered: {}", flowId, nodeId, event.id(), summary);
            }
            // no run begins for it
            exchange.setRouteStop(true);
        };
    }

    /** As an event enters a node: warn, or fail the node at once (error port, else dead letters). */
    Processor atInput() {
        return exchange -> {
            List<ContractViolation> violations = violations(exchange);
            if (violations.isEmpty()) {
                return;
            }
            String summary = summary(violations);
            if (enforcement == Enforcement.WARN) {
                warn(exchange, summary);
                RunTrace trace = exchange.getProperty(RunTrace.PROPERTY, RunTrace.class);
                if (trace != null) {
                    trace.warned(nodeId, summary);
                }
                return;
            }
            throw new ContractViolationException(summary, enforcement == Enforcement.DEAD_LETTER);
        };
    }

    private List<ContractViolation> violations(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (!(body instanceof Event event)) {
            throw new IllegalStateException("A contract checks events, not "
                    + (body == null ? "nothing" : body.getClass().getSimpleName()));
        }
        return contract.violations(event.data());
    }

    private void warn(Exchange exchange, String summary) {
        Event event = exchange.getIn().getBody(Event.class);
        LOG.warn("Flow '{}', node '{}': event {} {}", flowId, nodeId, event.id(), summary);
    }

    /** "breaks the contract orders@2: /customer/email: required property 'email' not found; …". */
    private String summary(List<ContractViolation> violations) {
        String shown = violations.stream()
                .limit(SHOWN)
                .map(ContractViolation::toString)
                .collect(Collectors.joining("; "));
        int more = violations.size() - SHOWN;
        return "breaks the contract " + contract.reference() + ": " + shown
                + (more > 0 ? "; and " + more + " more" : "");
    }
}
