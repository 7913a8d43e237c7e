package dev.switchboard.runtime.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** The live counters of one node: written by many flow threads at once, read by the UI. */
final class NodeCounters {
    private record LastError(String message, Instant at) {}

    private final NodeKey key;
    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder warnings = new LongAdder();
    /** Replaced, never changed: a reader gets a consistent list without a lock. */
    private volatile List<String> recentWarnings = List.of();
    // one volatile each: a reader never sees the message of one error with the time of another
    private volatile LastError lastError;
    private volatile Instant lastActivityAt;
    private volatile boolean lastFailed;

    NodeCounters(NodeKey key) {
        this.key = key;
    }

    void entered(Instant at) {
        in.increment();
        lastActivityAt = at;
    }

    void failed(String message, Instant at) {
        errors.increment();
        lastError = new LastError(message, at);
        lastFailed = true;
    }

    synchronized void warned(String message) {
        warnings.increment();
        List<String> recent = new ArrayList<>(recentWarnings);
        recent.add(message);
        if (recent.size() > NodeStats.RECENT_WARNINGS) {
            recent.remove(0);
        }
        recentWarnings = List.copyOf(recent);
    }

    void left(boolean filteredOut) {
        (filteredOut ? filtered : out).increment();
        lastFailed = false;
    }

    void reset() {
        in.reset();
        out.reset();
        filtered.reset();
        errors.reset();
        warnings.reset();
        recentWarnings = List.of();
        lastError = null;
        lastActivityAt = null;
        lastFailed = false;
    }

    NodeStats stats() {
        LastError error = lastError;
        return new NodeStats(
                key.flowId(),
                key.nodeId(),
                in.sum(),
                out.sum(),
                filtered.sum(),
                errors.sum(),
                error == null ? null : error.message(),
                error == null ? null : error.at(),
                lastActivityAt,
                lastFailed,
                warnings.sum(),
                recentWarnings);
    }
}
