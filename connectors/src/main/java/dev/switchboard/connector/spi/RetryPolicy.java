package dev.switchboard.connector.spi;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Duration;

/**
 * How often and how patiently a failing node is tried before the event is given up on: a node's
 * {@code config.retry}, a flow's {@code settings.retry}, or a connector's own (see
 * {@link Connector#retryPolicy}).
 *
 * @param attempts tries in all, the first one included (1: no retry)
 * @param backoff the pause before the first retry, doubled for each further one
 * @param maxBackoff the longest pause between two tries
 */
public record RetryPolicy(int attempts, Duration backoff, Duration maxBackoff) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1 (the first try counts), not " + attempts);
        }
        if (backoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff and maxBackoff must not be negative");
        }
    }

    /** Reads {@code {"attempts": 5, "backoff": "1s", "maxBackoff": "1m"}}; what is left out takes {@link #DEFAULT}'s value. */
    public static RetryPolicy from(NodeConfig retry) {
        return new RetryPolicy(
                (int) retry.integer("attempts", DEFAULT.attempts()),
                retry.duration("backoff", DEFAULT.backoff()),
                retry.duration("maxBackoff", DEFAULT.maxBackoff()));
    }

    /** Whether a node that just failed its {@code attempt}-th try gets another one. */
    public boolean allowsAnotherAfter(int attempt) {
        return attempt < attempts;
    }

    /** The pause after the {@code attempt}-th try failed: backoff · 2^(attempt-1), at most maxBackoff. */
    public Duration pauseAfter(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 30);
        Duration pause = backoff.multipliedBy(factor);
        return pause.compareTo(maxBackoff) > 0 || pause.isNegative() ? maxBackoff : pause;
    }
}
