package dev.switchboard.runtime.live;

import java.time.Instant;

/**
 * What one node did since the last reset.
 *
 * @param in events that reached the node (a trigger counts those it produced)
 * @param out events it handed on (or that ended the flow through "out")
 * @param filtered events it sent to an unwired port other than "out" (the run ended filtered there)
 * @param errors events that failed at the node or went to its error port
 * @param lastFailed the most recent event at this node failed there (cleared by a later success here)
 */
public record NodeStats(
        String flowId,
        String nodeId,
        long in,
        long out,
        long filtered,
        long errors,
        String lastError,
        Instant lastErrorAt,
        Instant lastActivityAt,
        boolean lastFailed) {}
