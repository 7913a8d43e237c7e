package dev.switchboard.runtime.engine;

import java.time.Instant;

/**
 * What became of one event in one flow.
 *
 * @param endedAt "node:port" where the event left through an unwired port, or null
 */
public record RunRecord(
        String flowId,
        String triggerNodeId,
        String eventId,
        RunStatus status,
        Instant startedAt,
        long durationNanos,
        String endedAt,
        String error) {

    public enum RunStatus { SUCCESS, FILTERED, FAILED }

    public double durationMillis() {
        return durationNanos / 1_000_000.0;
    }
}
