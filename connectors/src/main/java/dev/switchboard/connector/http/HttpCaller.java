package dev.switchboard.connector.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one request, once. Retrying is the runtime's job (the node's or flow's retry policy, which
 * waits without holding a thread); a failure says whether a retry can help and, for 429 and 503,
 * how long the server asked to wait ({@code Retry-After}).
 *
 * <p>The request runs on the caller's thread through Apache HttpClient 5's blocking client with a
 * shared connection pool: the JDK's {@code java.net.http} client hands every request to its own
 * threads and back, and cost about four times the CPU per request (docs/performance.md).
 */
public final class HttpCaller {
    /** A server asking for a longer pause than this is given up on; the event can be replayed later. */
    public static final Duration MAX_WAIT = Duration.ofHours(1);

    private static final int EXCERPT = 300;
    /** Connections kept per host: more than the dispatch threads that can call one host at once. */
    private static final int CONNECTIONS_PER_HOST = 64;

    private static final int CONNECTIONS = 512;

    /** One client for every node: it pools connections. */
    private static final CloseableHttpClient SHARED = newClient();

    private final CloseableHttpClient client;

    public HttpCaller() {
        this(SHARED);
    }

    HttpCaller(CloseableHttpClient client) {
        this.client = client;
    }

    /**
     * HTTP/1.1 with what the JDK client did: redirects followed, no cookies kept, no proxy from
     * system properties, no compression asked for, and never a request sent twice by the client.
     */
    private static CloseableHttpClient newClient() {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(CONNECTIONS_PER_HOST)
                .setMaxConnTotal(CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        // a pooled connection idle this long is checked before reuse: a server may have closed it
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("Switchboard")
                .build();
    }

    /**
     * Sends {@code request} once and returns the response whatever its status; for connectors that
     * read an API's own error shapes (the SaaS actions). Throws a retryable
     * {@link HttpRequestFailedException} (status 0) when no response came.
     */
    public HttpReply exchange(OutboundRequest request) {
        try {
            return client.execute(toClassic(request), HttpCaller::read);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new HttpRequestFailedException(what(request) + " was interrupted", 0, null, e);
            }
            throw failed(what(request), e);
        } catch (IOException e) {
            throw failed(what(request), e);
        }
    }

    /** "POST https://…" for messages: made only when a request failed, not for every request. */
    private static String what(OutboundRequest request) {
        return request.method() + " " + request.uri();
    }

    private static HttpRequestFailedException failed(String what, IOException e) {
        return new HttpRequestFailedException(
                what + " failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                0,
                null,
                e);
    }

    private static HttpUriRequestBase toClassic(OutboundRequest request) {
        HttpUriRequestBase classic = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(classic::setHeader);
        if (request.body() != null) {
            // the Content-Type header is set (or not) by the connector: the entity does not add one
            classic.setEntity(new ByteArrayEntity(request.body(), null));
        }
        Timeout timeout = Timeout.of(request.timeout());
        classic.setConfig(RequestConfig.custom()
                .setResponseTimeout(timeout)
                .setConnectionRequestTimeout(timeout)
                .build());
        return classic;
    }

    private static HttpReply read(ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), n -> new ArrayList<>()).add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        return new HttpReply(response.getCode(), HttpHeaders.of(headers, (name, value) -> true), body);
    }

    HttpReply send(OutboundRequest request) {
        HttpReply response = exchange(request);
        int status = response.statusCode();
        if (status < 400) {
            return response;
        }
        String failed = what(request) + " answered " + status + excerpt(response.body());
        if (status != 429 && status != 503) {
            throw new HttpRequestFailedException(failed, status, null, null);
        }
        Optional<Duration> asked =
                RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
        throw HttpRequestFailedException.retryLater(failed, status, asked.orElse(null));
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
