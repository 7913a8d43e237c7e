package dev.switchboard.runtime.live;

import java.time.Instant;
import java.util.List;

/**
 * What one node did since the last reset.
 *
 * @param in events that reached the node (a trigger counts those it produced)
 * @param out events it handed on (or that ended the flow through "out")
 * @param filtered events it sent to an unwired port other than "out" (the run ended filtered there)
 * @param errors events that failed at the node or went to its error port
 * @param lastFailed the most recent event at this node failed there (cleared by a later success here)
 * @param warnings events the node let pass with a warning (a data contract with enforcement {@code warn})
 * @param recentWarnings the latest of those warnings, oldest first, at most {@link #RECENT_WARNINGS}
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
        boolean lastFailed,
        long warnings,
        List<String> recentWarnings) {
    /** How many of the latest warnings a node keeps: enough to see a pattern, few enough for a tooltip. */
    public static final int RECENT_WARNINGS = 3;

    public NodeStats {
        recentWarnings = recentWarnings == null ? List.of() : List.copyOf(recentWarnings);
    }

    /** A node that warned about nothing. */
    public NodeStats(
            String flowId,
            String nodeId,
            long in,
            long out,
            long filtered,
            long errors,
            String lastError,
            Instant lastErrorAt,
            Instant lastActivityAt,
            boolean lastFailed) {
        this(
                flowId,
                nodeId,
                in,
                out,
                filtered,
                errors,
                lastError,
                lastErrorAt,
                lastActivityAt,
                lastFailed,
                0,
                List.of());
    }
}
