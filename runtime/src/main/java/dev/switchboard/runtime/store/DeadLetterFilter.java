package dev.switchboard.runtime.store;

import java.time.Instant;

/**
 * Which dead letters a listing or bulk replay means; null fields match everything.
 *
 * @param errorContains a piece of the error text (case-insensitive)
 * @param includeReplayed also match dead letters already replayed (listing only)
 */
public record DeadLetterFilter(
        Long id,
        String flowId,
        String nodeId,
        Instant from,
        Instant to,
        String errorContains,
        boolean includeReplayed) {
    public static DeadLetterFilter all() {
        return new DeadLetterFilter(null, null, null, null, null, null, false);
    }

    public static DeadLetterFilter byId(long id) {
        return new DeadLetterFilter(id, null, null, null, null, null, false);
    }

    public DeadLetterFilter withFlow(String flow) {
        return new DeadLetterFilter(id, flow, nodeId, from, to, errorContains, includeReplayed);
    }
}
