package dev.switchboard.runtime.admin;

import java.util.Map;

/**
 * What an admin endpoint answers: a status, a content type and a body. Endpoints mounted from
 * elsewhere ({@link AdminEndpoint}: health checks, metrics) return one of these.
 *
 * @param headers extra response headers (e.g. {@code Allow}, {@code Location}); never null
 */
public record AdminResponse(int status, String contentType, String body, Map<String, String> headers) {
    public static final String JSON = "application/json; charset=utf-8";

    public AdminResponse {
        headers = Map.copyOf(headers);
    }

    public static AdminResponse json(int status, String body) {
        return new AdminResponse(status, JSON, body, Map.of());
    }

    /** A non-JSON answer, such as Prometheus text ({@code text/plain; version=0.0.4}). */
    public static AdminResponse text(int status, String contentType, String body) {
        return new AdminResponse(status, contentType, body, Map.of());
    }

    public AdminResponse withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new AdminResponse(status, contentType, body, more);
    }
}
