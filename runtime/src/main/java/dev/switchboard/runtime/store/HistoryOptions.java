package dev.switchboard.runtime.store;

import dev.switchboard.runtime.model.HistoryLevel;
import java.time.Duration;
import java.util.Objects;

/**
 * How run history is kept.
 *
 * @param maxSnapshotChars longest stored input/output snapshot; longer ones are cut
 * @param queueSize runs waiting to be written before new ones are dropped (flows never wait)
 * @param maxAge runs older than this are removed
 * @param maxRuns at most this many runs are kept (the newest)
 * @param retentionInterval how often retention runs
 * @param level how much history is kept of a flow whose {@code settings.history} does not say
 * @param levelForEveryFlow whether {@code level} applies to every flow, whatever its own setting
 *     (the designer's Run: its inspector and trace need everything)
 */
public record HistoryOptions(
        int maxSnapshotChars,
        int queueSize,
        Duration maxAge,
        long maxRuns,
        Duration retentionInterval,
        HistoryLevel level,
        boolean levelForEveryFlow) {

    public HistoryOptions {
        Objects.requireNonNull(level, "level");
    }

    public HistoryOptions(
            int maxSnapshotChars, int queueSize, Duration maxAge, long maxRuns, Duration retentionInterval) {
        this(maxSnapshotChars, queueSize, maxAge, maxRuns, retentionInterval, HistoryLevel.FULL, false);
    }

    /**
     * Everything kept ({@code full}) for flows that do not say otherwise. {@code switchboard run}
     * keeps {@code errors} unless told ({@code --history}).
     */
    public static HistoryOptions defaults() {
        return new HistoryOptions(8192, 50_000, Duration.ofDays(7), 100_000, Duration.ofMinutes(1));
    }

    public HistoryOptions withRetention(Duration age, long runs) {
        return new HistoryOptions(maxSnapshotChars, queueSize, age, runs, retentionInterval, level, levelForEveryFlow);
    }

    public HistoryOptions withMaxSnapshotChars(int chars) {
        return new HistoryOptions(chars, queueSize, maxAge, maxRuns, retentionInterval, level, levelForEveryFlow);
    }

    /** {@code level} for every flow whose {@code settings.history} does not say; a flow's own setting wins. */
    public HistoryOptions withLevel(HistoryLevel level) {
        return new HistoryOptions(maxSnapshotChars, queueSize, maxAge, maxRuns, retentionInterval, level, false);
    }

    /** {@code level} for every flow, whatever its {@code settings.history} says. */
    public HistoryOptions withLevelForEveryFlow(HistoryLevel level) {
        return new HistoryOptions(maxSnapshotChars, queueSize, maxAge, maxRuns, retentionInterval, level, true);
    }
}
