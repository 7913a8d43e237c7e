package dev.switchboard.runtime.store;

import java.time.Duration;

/**
 * How run history is kept.
 *
 * @param maxSnapshotChars longest stored input/output snapshot; longer ones are cut
 * @param queueSize runs waiting to be written before new ones are dropped (flows never wait)
 * @param maxAge runs older than this are removed
 * @param maxRuns at most this many runs are kept (the newest)
 * @param retentionInterval how often retention runs
 */
public record HistoryOptions(
        int maxSnapshotChars, int queueSize, Duration maxAge, long maxRuns, Duration retentionInterval) {
    public static HistoryOptions defaults() {
        return new HistoryOptions(8192, 50_000, Duration.ofDays(7), 100_000, Duration.ofMinutes(1));
    }

    public HistoryOptions withRetention(Duration age, long runs) {
        return new HistoryOptions(maxSnapshotChars, queueSize, age, runs, retentionInterval);
    }

    public HistoryOptions withMaxSnapshotChars(int chars) {
        return new HistoryOptions(chars, queueSize, maxAge, maxRuns, retentionInterval);
    }
}
