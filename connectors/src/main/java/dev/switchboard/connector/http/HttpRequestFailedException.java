package dev.switchboard.connector.http;

import dev.switchboard.connector.spi.RetryHint;
import java.time.Duration;
import java.util.Optional;

/**
 * An {@code http.request} that did not succeed; the message names the request, the status and a
 * body excerpt. It tells the runtime's retries whether another try can help: connection errors,
 * timeouts, 408, 429 and 5xx can; other 4xx cannot.
 */
public final class HttpRequestFailedException extends RuntimeException implements RetryHint {
    private final int status;
    private final boolean retryable;
    private final Duration retryAfter;

    HttpRequestFailedException(String message, int status, Duration retryAfter, Throwable cause) {
        this(message, status, isRetryable(status), retryAfter, cause);
    }

    private HttpRequestFailedException(
            String message, int status, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A failure no retry can fix, whatever its status says. */
    public static HttpRequestFailedException withoutRetry(String message, int status) {
        return new HttpRequestFailedException(message, status, false, null, null);
    }

    /**
     * A failure another try can fix, not sooner than {@code retryAfter} when the server said so
     * (null: the retry policy's backoff). A server asking for more than {@link HttpCaller#MAX_WAIT}
     * is given up on at once: the event is not worth holding, it stays replayable as a dead letter.
     */
    public static HttpRequestFailedException retryLater(String message, int status, Duration retryAfter) {
        if (retryAfter != null && retryAfter.compareTo(HttpCaller.MAX_WAIT) > 0) {
            return withoutRetry(
                    message + " and asked to retry after " + retryAfter.toSeconds() + " s, longer than the "
                            + HttpCaller.MAX_WAIT.toMinutes() + " minute limit",
                    status);
        }
        return new HttpRequestFailedException(message, status, true, retryAfter, null);
    }

    /** The HTTP status received, or 0 when no response came (connection error, timeout). */
    public int status() {
        return status;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * No answer, a timeout, too many requests or a server error: worth another try. Not 501 and 505:
     * a server that does not implement the method or the HTTP version will not later.
     */
    public static boolean isRetryable(int status) {
        return status == 0 || status == 408 || status == 429 || status >= 500 && status != 501 && status != 505;
    }
}
