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
final class HttpCaller {
    /** A server asking for a longer pause than this is given up on; the event can be replayed later. */
    static final Duration MAX_WAIT = Duration.ofHours(1);

    private static final int EXCERPT = 300;

    /** One client for every node: it pools connections and threads. HTTP/1.1 keeps servers predictable. */
    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final HttpClient client;

    HttpCaller() {
        this(SHARED);
    }

    HttpCaller(HttpClient client) {
        this.client = client;
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        String what = request.method() + " " + request.uri();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
        if (asked.isPresent() && asked.get().compareTo(MAX_WAIT) > 0) {
            // not worth holding the event for: give up now, it stays replayable as a dead letter
            throw HttpRequestFailedException.withoutRetry(
                    failed + " and asked to retry after " + asked.get().toSeconds() + " s, longer than the "
                            + MAX_WAIT.toMinutes() + " minute limit",
                    status);
        }
        return fail(failed, status, asked.orElse(null));
    }

    private static HttpResponse<byte[]> fail(String message, int status, Duration retryAfter) {
        throw new HttpRequestFailedException(message, status, retryAfter, null);
    }

    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .trim();
        return ": " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }
}
