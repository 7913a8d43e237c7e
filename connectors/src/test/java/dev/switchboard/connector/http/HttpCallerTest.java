package dev.switchboard.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One request, once: the runtime retries; the caller only says whether a retry can help. */
class HttpCallerTest {
    static HttpServer server;
    static final AtomicInteger CALLS = new AtomicInteger();

    /** path → status and Retry-After header ("" for none) */
    static final Map<String, String[]> ANSWERS = Map.of(
            "/missing", new String[] {"404", ""},
            "/busy", new String[] {"503", "7"},
            "/limited", new String[] {"429", "7200"},
            "/broken", new String[] {"500", ""},
            "/slow", new String[] {"408", ""},
            "/unimplemented", new String[] {"501", ""});

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ANSWERS.forEach((path, answer) -> server.createContext(path, exchange -> {
            CALLS.incrementAndGet();
            if (!answer[1].isEmpty()) {
                exchange.getResponseHeaders().add("Retry-After", answer[1]);
            }
            byte[] body = ("{\"error\": \"" + path.substring(1) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static HttpRequestFailedException failure(String path) {
        int before = CALLS.get();
        OutboundRequest request = OutboundRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofSeconds(5))
                .POST("{}".getBytes(StandardCharsets.UTF_8))
                .build();
        try {
            new HttpCaller().send(request);
        } catch (HttpRequestFailedException e) {
            assertThat(CALLS.get() - before).as("requests the server saw").isOne();
            return e;
        }
        throw new AssertionError(path + " did not fail");
    }

    @Test
    void aConnectionErrorIsOneAttemptThatMayBeRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        OutboundRequest request = OutboundRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/x"))
                .timeout(Duration.ofSeconds(2))
                .build();

        assertThatThrownBy(() -> new HttpCaller().send(request))
                .isInstanceOf(HttpRequestFailedException.class)
                .hasMessageStartingWith("GET http://127.0.0.1:" + closedPort + "/x failed: ")
                .hasMessageContaining("Connection refused")
                .satisfies(e -> {
                    HttpRequestFailedException failed = (HttpRequestFailedException) e;
                    assertThat(failed.status()).isZero();
                    assertThat(failed.retryable()).isTrue();
                    assertThat(failed.retryAfter()).isEmpty();
                });
    }

    @Test
    void aClientErrorIsNotRetried() {
        HttpRequestFailedException e = failure("/missing");
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageEndingWith("/missing answered 404: {\"error\": \"missing\"}");
    }

    @Test
    void aServerThatDoesNotImplementTheMethodIsNotAskedAgain() {
        assertThat(failure("/unimplemented").retryable()).isFalse();
    }

    @Test
    void serverErrorsAndTimeoutsMayBeRetried() {
        assertThat(failure("/broken").retryable()).isTrue();
        assertThat(failure("/slow").retryable()).isTrue();
    }

    @Test
    void retryAfterOfA503IsPassedOnToTheRuntime() {
        HttpRequestFailedException e = failure("/busy");
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aServerAskingToWaitLongerThanAnHourIsGivenUpOn() {
        HttpRequestFailedException e = failure("/limited");
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("asked to retry after 7200 s, longer than the 60 minute limit");
    }

    @Test
    void errorExcerptsAreShortAndOnOneLine() {
        assertThat(HttpCaller.excerpt("{\n  \"error\": \"no\"\n}".getBytes())).isEqualTo(": { \"error\": \"no\" }");
        assertThat(HttpCaller.excerpt("x".repeat(1000).getBytes()))
                .hasSize(2 + 300 + 1)
                .endsWith("…");
        assertThat(HttpCaller.excerpt(new byte[0])).isEmpty();
    }
}
