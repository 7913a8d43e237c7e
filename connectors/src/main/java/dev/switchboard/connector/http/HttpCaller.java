package dev.switchboard.connector.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends one request, once. Retrying is the runtime's job (the node's or flow's retry policy, which
 * waits without holding a thread); a failure says whether a retry can help and, for 429 and 503,
 * how long the server asked to wait ({@code Retry-After}).
 */
public final class HttpCaller {
    /** A server asking for a longer pause than this is given up on; the event can be replayed later. */
    public static final Duration MAX_WAIT = Duration.ofHours(1);

    private static final int EXCERPT = 300;

    /** One client for every node: it pools connections and threads. HTTP/1.1 keeps servers predictable. */
    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final HttpClient client;

    public HttpCaller() {
        this(SHARED);
    }

    HttpCaller(HttpClient client) {
        this.client = client;
    }

    /**
     * Sends {@code request} once and returns the response whatever its status; for connectors that
     * read an API's own error shapes (the SaaS actions). Throws a retryable
     * {@link HttpRequestFailedException} (status 0) when no response came.
     */
    public HttpResponse<byte[]> exchange(HttpRequest request) {
        String what = request.method() + " " + request.uri();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new HttpRequestFailedException(
                    what + " failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                    0,
                    null,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpRequestFailedException(what + " was interrupted", 0, null, e);
        }
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        String what = request.method() + " " + request.uri();
        HttpResponse<byte[]> response = exchange(request);
        int status = response.statusCode();
        if (status < 400) {
            return response;
        }
        String failed = what + " answered " + status + excerpt(response.body());
        if (status != 429 && status != 503) {
            return fail(failed, status, null);
        }
        Optional<Duration> asked =
                RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
        throw HttpRequestFailedException.retryLater(failed, status, asked.orElse(null));
    }

    private static HttpResponse<byte[]> fail(String message, int status, Duration retryAfter) {
        throw new HttpRequestFailedException(message, status, retryAfter, null);
    }

    /** {@code ": "} and the start of {@code body} on one line, or nothing for an empty body. */
    public static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .trim();
        return ": " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }
}
