package dev.switchboard.runtime.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much run history is kept for a flow ({@code settings.history}, or the runtime's {@code
 * --history} for flows that do not say). Dead letters, retries, the inbox and dedupe keys do not
 * depend on it: they are the delivery guarantees, not history.
 */
public enum HistoryLevel {
    /** The run, every node it passed, and each node's input and output. */
    FULL,
    /** The run and its path (nodes, ports, times, errors) always; input and output only for runs in which a node failed. */
    ERRORS,
    /** The run and its path, never input or output. */
    SUMMARY,
    /** Nothing in run history. */
    OFF;

    /** How the level is spelled in a flow file, on the command line and in the store. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every level's id, in order from the most kept to nothing. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(HistoryLevel::id).toList();
    }

    /** The level spelled {@code id} (as {@link #id()}), if any. */
    public static Optional<HistoryLevel> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (HistoryLevel level : values()) {
            if (level.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** Whether the run row and its steps are written. */
    public boolean keepsRuns() {
        return this != OFF;
    }

    /**
     * Whether input and output snapshots are written for a run.
     *
     * @param nodeFailed the run failed, was dead-lettered, or waits to retry a node that failed
     */
    public boolean keepsSnapshots(boolean nodeFailed) {
        return this == FULL || (this == ERRORS && nodeFailed);
    }

    /** What is shown in place of a snapshot this level did not keep. */
    public String notKept() {
        return "(data not kept: history level " + id() + ")";
    }
}
