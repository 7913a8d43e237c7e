package dev.switchboard.runtime.store;

import dev.switchboard.connector.spi.Event;
import java.time.Instant;

/**
 * One kept inbox row: an accepted event (runs from its trigger) or a replay or retry (runs from a
 * node).
 *
 * @param replayOf the dead letter a replay came from; null otherwise
 * @param dueAt when a retry may run; null for an accepted event or a replay
 */
record PendingEvent(
        long seq,
        String flowId,
        String nodeId,
        Long replayOf,
        int attempt,
        Instant dueAt,
        String parentRunId,
        Event event) {

    boolean entersAtNode() {
        return replayOf != null || dueAt != null;
    }
}
