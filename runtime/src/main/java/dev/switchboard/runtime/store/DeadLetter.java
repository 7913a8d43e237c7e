package dev.switchboard.runtime.store;

import java.time.Instant;

/**
 * An event a node gave up on.
 *
 * @param event the event (CloudEvents JSON) as it entered the failed node
 * @param state {@code DEAD}, or {@code REPLAYED} once sent back to its node
 */
public record DeadLetter(
        long id,
        String eventId,
        String flowId,
        String nodeId,
        String runId,
        String error,
        int attempts,
        String event,
        Instant failedAt,
        String state,
        Instant replayedAt) {}
