package dev.switchboard.connector.http;

/** An {@code http.request} that did not succeed; the message names the request, the status and a body excerpt. */
public final class HttpRequestFailedException extends RuntimeException {
    private final int status;

    HttpRequestFailedException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The last HTTP status received, or 0 when no response came (connection error, timeout, bad URL). */
    public int status() {
        return status;
    }
}
