package dev.switchboard.runtime.policy;

import java.util.List;

/**
 * What the routing policies say about sending one event to one destination.
 *
 * @param decisions one per rule whose {@code when} the event matched and which governs this kind
 *     of destination, in file order
 * @param blockedBy the first rule that forbids the send, or null when it may go
 */
public record RoutingVerdict(List<PolicyDecision> decisions, RoutingRule blockedBy) {
    public RoutingVerdict {
        decisions = List.copyOf(decisions);
    }

    public boolean blocked() {
        return blockedBy != null;
    }
}
