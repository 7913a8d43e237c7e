package dev.switchboard.runtime.store;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which inbox rows this runtime has in hand — handed to the dispatcher and not finished, queued or
 * running — and which could not run lately: such a row is left alone for a pause so a store that
 * fails under every run is not hammered with the same events.
 */
final class InboxClaims {
    private static final Duration FAILED_PAUSE = Duration.ofSeconds(30);

    private final Set<Long> claimed = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> failedAt = new ConcurrentHashMap<>();

    /** True when the row was not claimed yet and now is. */
    boolean claim(long seq) {
        return claimed.add(seq);
    }

    boolean isClaimed(long seq) {
        return claimed.contains(seq);
    }

    /** How many rows are in hand. */
    int size() {
        return claimed.size();
    }

    /** The row is no longer in hand: it is left to the poller. */
    void release(long seq) {
        claimed.remove(seq);
    }

    /** The row could not run now: released, and paused before the poller picks it again. */
    void failed(long seq) {
        failedAt.put(seq, System.nanoTime());
        claimed.remove(seq);
    }

    /** The row is deleted: nothing to remember about it. */
    void finished(long seq) {
        claimed.remove(seq);
        failedAt.remove(seq);
    }

    boolean recentlyFailed(long seq) {
        Long at = failedAt.get(seq);
        return at != null && System.nanoTime() - at < FAILED_PAUSE.toNanos();
    }
}
