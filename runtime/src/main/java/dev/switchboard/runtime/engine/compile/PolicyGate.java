package dev.switchboard.runtime.engine.compile;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.Destination;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Template;
import dev.switchboard.runtime.engine.RunTrace;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.FieldMasker;
import dev.switchboard.runtime.policy.PolicyDecision;
import dev.switchboard.runtime.policy.PolicyViolationException;
import dev.switchboard.runtime.policy.RoutingVerdict;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The central policies' check in front of an action that sends events somewhere
 * ({@link Connector#destination}): the first step of the node's route, so it runs however the
 * event arrives — over a wire, a retry, a replay. It renders the destination for the event, lets
 * the routing rules block the send (a {@link PolicyViolationException}: the event becomes a dead
 * letter naming the rule, and nothing is sent) and masks, in what the action sends, the fields of
 * masking rules that name this destination. Each decision is counted and kept in the run's step.
 */
final class PolicyGate implements Processor {
    private final String flowId;
    private final String nodeId;
    private final Destination destination;
    private final Template target;
    private final CentralPolicies policies;

    private PolicyGate(
            String flowId, String nodeId, Destination destination, Template target, CentralPolicies policies) {
        this.flowId = flowId;
        this.nodeId = nodeId;
        this.destination = destination;
        this.target = target;
        this.policies = policies;
    }

    /** The gate for an action whose sends the policies govern; empty for every other node. */
    static Optional<PolicyGate> forNode(
            String flowId, String nodeId, Connector connector, NodeConfig config, CentralPolicies policies) {
        if (!policies.governsSends() || connector.spec().kind() != ConnectorKind.ACTION) {
            return Optional.empty();
        }
        return connector
                .destination(config)
                .map(d -> new PolicyGate(flowId, nodeId, d, Template.parse(d.template()), policies));
    }

    @Override
    public void process(Exchange exchange) {
        if (!(exchange.getIn().getBody() instanceof Event event)) {
            return;
        }
        RunTrace trace = exchange.getProperty(RunTrace.PROPERTY, RunTrace.class);
        String rendered = render(event);
        RoutingVerdict verdict = policies.route(flowId, nodeId, event, destination, rendered);
        for (PolicyDecision decision : verdict.decisions()) {
            record(decision, trace);
        }
        if (verdict.blocked()) {
            throw new PolicyViolationException(
                    verdict.blockedBy().name(),
                    "blocked by routing policy '" + verdict.blockedBy().name() + "': "
                            + CentralPolicies.destinationName(destination, rendered)
                            + " is not among the destinations it allows for this event");
        }
        String name = CentralPolicies.destinationName(destination, rendered);
        FieldMasker.Masked masked = policies.masker().maskForDestination(event, name);
        for (String rule : masked.rules()) {
            record(new PolicyDecision(flowId, nodeId, rule, "masked-for-destination", name), trace);
        }
        if (masked.changed()) {
            exchange.getIn().setBody(masked.event());
        }
    }

    /** The destination for this event; a template that cannot render gives its text, which no rule allows. */
    private String render(Event event) {
        try {
            return target.render(event).trim();
        } catch (RuntimeException e) {
            return target.toString();
        }
    }

    private void record(PolicyDecision decision, RunTrace trace) {
        policies.decided(decision);
        if (trace != null) {
            trace.policyDecision(nodeId, decision.summary());
        }
    }
}
