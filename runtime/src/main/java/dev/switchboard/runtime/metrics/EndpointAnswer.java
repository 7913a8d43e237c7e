package dev.switchboard.runtime.metrics;

/**
 * What a metrics or health endpoint answers, for the admin server to send as it is.
 *
 * @param status the HTTP status (200, or 503 when not ready)
 * @param contentType the Content-Type header value
 * @param body the body, UTF-8
 */
public record EndpointAnswer(int status, String contentType, String body) {
    public static final String JSON = "application/json; charset=utf-8";
}
