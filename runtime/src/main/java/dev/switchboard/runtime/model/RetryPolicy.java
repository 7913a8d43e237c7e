package dev.switchboard.runtime.model;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Duration;

/**
 * How often and how patiently a failing node is retried before the event is given up on
 * (settings.retry in a flow file).
 */
public record RetryPolicy(int attempts, Duration backoff, Duration maxBackoff) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30));

    public static RetryPolicy from(NodeConfig retry) {
        return new RetryPolicy(
                (int) retry.integer("attempts", DEFAULT.attempts()),
                retry.duration("backoff", DEFAULT.backoff()),
                retry.duration("maxBackoff", DEFAULT.maxBackoff()));
    }
}
