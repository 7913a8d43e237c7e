package dev.switchboard.runtime.admin;

import java.util.function.Supplier;

/**
 * An extra {@code GET} endpoint mounted on the admin server next to the {@code /api} routes: the
 * hook for health checks and metrics ({@code /health/live}, {@code /health/ready}, {@code /metrics}).
 * The supplier runs on a worker thread, once per request; what it throws becomes a 500 JSON error.
 *
 * <pre>{@code
 * new AdminServer(host, port, api, token, List.of(
 *         AdminEndpoint.open("/health/live", () -> AdminResponse.json(200, "{\"status\":\"UP\"}")),
 *         AdminEndpoint.authenticated("/metrics", () -> AdminResponse.text(200, "text/plain; version=0.0.4", scrape()))));
 * }</pre>
 *
 * @param path exact path, starting with '/' and outside {@code /api/}
 * @param authenticated whether the caller needs the admin token (health probes usually do not)
 */
public record AdminEndpoint(String path, boolean authenticated, Supplier<AdminResponse> handler) {
    public AdminEndpoint {
        if (!path.startsWith("/") || path.startsWith("/api/") || path.equals("/api")) {
            throw new IllegalArgumentException(
                    "An extra admin endpoint's path starts with '/' and is outside /api: " + path);
        }
    }

    /** Answered without a token (liveness and readiness probes). */
    public static AdminEndpoint open(String path, Supplier<AdminResponse> handler) {
        return new AdminEndpoint(path, false, handler);
    }

    /** Answered only with the admin token, like the /api routes. */
    public static AdminEndpoint authenticated(String path, Supplier<AdminResponse> handler) {
        return new AdminEndpoint(path, true, handler);
    }
}
