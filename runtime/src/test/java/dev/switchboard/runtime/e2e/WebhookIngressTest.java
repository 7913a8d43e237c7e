package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.RawHttp;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the webhook server answers besides 202: every error as JSON, and a taken port at start. */
class WebhookIngressTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Where Vert.x Web's body handler used to create its upload folder: the working directory. */
    static final Path UPLOADS = Path.of("file-uploads");

    @TempDir
    static Path dataDir;

    static Engine engine;

    @BeforeAll
    static void start() throws Exception {
        // left behind by builds before the ingress: it must not come back, so start without it
        if (Files.isDirectory(UPLOADS)) {
            try (var entries = Files.list(UPLOADS)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(UPLOADS);
                }
            }
        }
        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0).withDataDir(dataDir),
                        ConnectorCatalog.load(),
                        SecretResolver.of(Map.of()))
                .start();
        engine.deploy(chain(
                "open",
                node("hook", "webhook", "path", "/hooks/open"),
                node("seen", "test.capture", "sink", "ingress-open")));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(engine.httpBaseUrl() + path));
    }

    static JsonNode jsonError(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return Json.parse(response.body());
    }

    @Test
    void aTakenPortFailsTheStartWithOneMessageNamingItAndTheWayOut() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Engine second = new Engine(
                    EngineOptions.defaults().withHttpPort(port).withDataDir(dataDir),
                    ConnectorCatalog.load(),
                    SecretResolver.of(Map.of()));
            try {
                assertThatThrownBy(second::start)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("127.0.0.1:" + port)
                        .hasMessageContaining("already in use")
                        .hasMessageContaining("--port");
            } finally {
                second.close();
            }
        }
    }

    @Test
    void anUnknownPathGets404AsJson() throws Exception {
        HttpResponse<String> response = send(to("/hooks/nowhere").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(jsonError(response))
                .isEqualTo(Json.parse(
                        "{\"error\": \"not_found\", \"message\": \"No webhook listens on /hooks/nowhere\"}"));
    }

    @Test
    void anotherMethodGets405WithTheAllowedMethodAsJson() throws Exception {
        HttpResponse<String> response = send(to("/hooks/open").GET());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(jsonError(response).path("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void aBodyOverTheLimitGets413AsJsonBeforeItIsSent() throws Exception {
        try (RawHttp raw = RawHttp.connect(engine.httpPort())) {
            raw.send("POST /hooks/open HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + (10 * 1024 * 1024 + 1) + "\r\n\r\n");
            RawHttp.Response response = raw.read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.json())
                    .isEqualTo(
                            Json.parse(
                                    "{\"error\": \"payload_too_large\", \"message\": \"The body is larger than this webhook's limit of 10MB\"}"));
        }
    }

    @Test
    void headersTooLargeGet431AsJson() throws Exception {
        try (RawHttp raw = RawHttp.connect(engine.httpPort())) {
            raw.send("POST /hooks/open HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(16 * 1024)
                    + "\r\nContent-Length: 2\r\n\r\n{}");
            RawHttp.Response response = raw.read();

            assertThat(response.status()).isEqualTo(431);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.json().path("error").asText()).isEqualTo("request_header_fields_too_large");
        }
    }

    @Test
    void aMalformedRequestGets400AsJson() throws Exception {
        try (RawHttp raw = RawHttp.connect(engine.httpPort())) {
            raw.send("POST /hooks/open HTTP/1.1\r\nHost: localhost\r\nContent-Length: twelve\r\n\r\n{}");
            RawHttp.Response response = raw.read();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.json().path("error").asText()).isEqualTo("bad_request");
        }
    }

    @Test
    void noUploadFolderAppearsInTheWorkingDirectory() throws Exception {
        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = send(to("/hooks/open")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(UPLOADS).doesNotExist();
    }
}
