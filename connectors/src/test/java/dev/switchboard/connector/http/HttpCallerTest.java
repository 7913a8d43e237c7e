package dev.switchboard.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpCallerTest {
    @Test
    void connectionErrorsAreRetriedThenFailWithTheCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/x"))
                .timeout(Duration.ofSeconds(2)).GET().build();

        assertThatThrownBy(() -> new HttpCaller(2, Duration.ofMillis(1)).send(request))
                .isInstanceOf(HttpRequestFailedException.class)
                .hasMessageStartingWith("GET http://127.0.0.1:" + closedPort + "/x failed: ConnectException")
                .hasMessageEndingWith("(after 3 attempts)")
                .satisfies(e -> assertThat(((HttpRequestFailedException) e).status()).isZero());
    }

    @Test
    void backoffDoublesUpToTheCap() {
        HttpCaller caller = new HttpCaller(10, Duration.ofSeconds(1));
        assertThat(caller.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(caller.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(caller.backoff(10)).isEqualTo(HttpCaller.MAX_BACKOFF);
    }

    @Test
    void errorExcerptsAreShortAndOnOneLine() {
        assertThat(HttpCaller.excerpt("{\n  \"error\": \"no\"\n}".getBytes())).isEqualTo(": { \"error\": \"no\" }");
        assertThat(HttpCaller.excerpt("x".repeat(1000).getBytes())).hasSize(2 + 300 + 1).endsWith("…");
        assertThat(HttpCaller.excerpt(new byte[0])).isEmpty();
    }
}
