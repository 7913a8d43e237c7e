package dev.switchboard.connector.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * What a connector's exception says about trying again. The runtime owns retries (one mechanism,
 * the node's or the flow's policy); a connector only classifies its failure: an exception that
 * implements this interface, anywhere in the cause chain, decides; any other exception may be
 * retried.
 */
public interface RetryHint {

    /** False when another try cannot succeed (an HTTP 400, a rejected message): give up at once. */
    boolean retryable();

    /** The earliest time another try makes sense, when the other side said so (HTTP Retry-After). */
    default Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** The first hint in {@code failure}'s cause chain, if any. */
    static Optional<RetryHint> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryHint hint) {
                return Optional.of(hint);
            }
        }
        return Optional.empty();
    }
}
