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
    static HttpRequestFailedException withoutRetry(String message, int status) {
        return new HttpRequestFailedException(message, status, false, null, null);
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
    static boolean isRetryable(int status) {
        return status == 0 || status == 408 || status == 429 || status >= 500 && status != 501 && status != 505;
    }
}
