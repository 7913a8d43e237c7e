package dev.switchboard.connector.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request with retries: on connection errors, timeouts, 5xx and 429, with exponential
 * backoff, and never sooner than a 429's or 503's {@code Retry-After} asks. Other 4xx fail at once.
 */
final class HttpCaller {
    private static final Logger LOG = LoggerFactory.getLogger(HttpCaller.class);
    /** A server asking for a longer pause than this fails the request instead of holding a thread. */
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int EXCERPT = 300;

    /** One client for every node: it pools connections and threads. HTTP/1.1 keeps servers predictable. */
    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final HttpClient client;
    private final int retries;
    private final Duration backoff;

    HttpCaller(int retries, Duration backoff) {
        this(SHARED, retries, backoff);
    }

    HttpCaller(HttpClient client, int retries, Duration backoff) {
        this.client = client;
        this.retries = retries;
        this.backoff = backoff;
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        String what = request.method() + " " + request.uri();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt > retries;
            HttpResponse<byte[]> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                String error = what + " failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
                if (last) {
                    throw new HttpRequestFailedException(error + attempts(attempt), 0, e);
                }
                LOG.debug("{}; retrying", error);
                pause(backoff(attempt), what);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpRequestFailedException(what + " was interrupted", 0, e);
            }
            int status = response.statusCode();
            if (status < 400) {
                return response;
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || last) {
                throw new HttpRequestFailedException(what + " answered " + status + excerpt(response.body())
                        + (retryable ? attempts(attempt) : ""), status, null);
            }
            Duration wait = backoff(attempt);
            if (status == 429 || status == 503) {
                Optional<Duration> asked = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
                if (asked.isPresent() && asked.get().compareTo(MAX_WAIT) > 0) {
                    throw new HttpRequestFailedException(what + " answered " + status + " asking to retry after "
                            + asked.get().toSeconds() + " s, longer than the " + MAX_WAIT.toMinutes() + " minute limit",
                            status, null);
                }
                if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
                    wait = asked.get();
                }
            }
            LOG.debug("{} answered {}; retrying in {} ms", what, status, wait.toMillis());
            pause(wait, what);
        }
    }

    private static String attempts(int attempt) {
        return attempt > 1 ? " (after " + attempt + " attempts)" : "";
    }

    Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration d = backoff.multipliedBy(factor);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** Waits at least {@code wait}: sleeps until the deadline has truly passed. */
    private static void pause(Duration wait, String what) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpRequestFailedException(what + " was interrupted while waiting to retry", 0, e);
        }
    }

    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return ": " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }
}
