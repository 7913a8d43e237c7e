package dev.switchboard.runtime.engine;

import java.time.Instant;
import java.util.List;

/**
 * What became of one event in one flow.
 *
 * @param endedAt "node:port" where the event left through an unwired port, or null
 * @param runId unique id of this run (one event in one flow, once)
 * @param parentRunId the run that handed the event to this flow (event.publish), or null
 * @param replayOf the dead letter this run replays, or null
 * @param steps every node the event passed, in order, with the event going in and out
 */
public record RunRecord(
        String flowId,
        String triggerNodeId,
        String eventId,
        RunStatus status,
        Instant startedAt,
        long durationNanos,
        String endedAt,
        String error,
        String runId,
        String parentRunId,
        Long replayOf,
        List<StepRecord> steps) {

    /**
     * How a run ended. {@code RETRYING}: a node failed and the event waits to try it again (a later
     * run, this one's child, continues its story).
     */
    public enum RunStatus {
        SUCCESS,
        FILTERED,
        FAILED,
        DEAD_LETTERED,
        RETRYING
    }

    public RunRecord {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A run without lineage (kept for callers that predate run history). */
    public RunRecord(
            String flowId,
            String triggerNodeId,
            String eventId,
            RunStatus status,
            Instant startedAt,
            long durationNanos,
            String endedAt,
            String error) {
        this(
                flowId,
                triggerNodeId,
                eventId,
                status,
                startedAt,
                durationNanos,
                endedAt,
                error,
                null,
                null,
                null,
                List.of());
    }

    public double durationMillis() {
        return durationNanos / 1_000_000.0;
    }
}
