package dev.switchboard.runtime.export;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: a webhook → filter → map → http.request flow, exported, runs on
 * stock Apache Camel — camel-main and camel-yaml-dsl in a child JVM whose class path holds no
 * Switchboard class — and the sink receives from it exactly what Switchboard's own engine sends
 * for the same events: the same bodies for matched events, nothing for filtered ones.
 */
class CamelYamlExportAcceptanceTest {
    private static final String SINK_TOKEN = "sink-token-4711";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Two leads that pass the filter (one without an amount), three that do not. */
    private static final List<String> EVENTS = List.of(
            "{\"name\": \"Bob\", \"email\": \"bob@other.org\", \"score\": 90}",
            "{\"name\": \" Ada \", \"email\": \"Ada@Acme.com\", \"score\": 72, \"amount\": \"12.50\"}",
            "{\"name\": \"Eve\", \"email\": \"eve@example.com\", \"score\": 12, \"amount\": \"3\"}",
            "{\"name\": \"Cy\", \"email\": \"CY@example.com\", \"score\": 51, \"tags\": [\"vip\"]}",
            "{\"email\": \"nobody@acme.com\"}");

    @TempDir
    Path dir;

    WireMockServer sink;
    Engine engine;
    Process camel;

    @BeforeEach
    void startSink() {
        sink = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        sink.start();
        sink.stubFor(post(urlEqualTo("/sink/leads")).willReturn(aResponse().withStatus(201)));
    }

    @AfterEach
    void stopAll() {
        if (engine != null) {
            engine.close();
        }
        if (camel != null && camel.isAlive()) {
            camel.destroyForcibly();
        }
        sink.stop();
    }

    @Test
    void stockCamelSendsWhatSwitchboardSendsForTheSameEvents() throws Exception {
        Flow flow = leadsFlow(sink.baseUrl() + "/sink/leads");

        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0),
                        ConnectorCatalog.load(),
                        SecretResolver.of(Map.of("SINK_TOKEN", SINK_TOKEN)))
                .start();
        engine.deploy(flow);
        List<JsonNode> fromSwitchboard = deliver(i -> engine.httpBaseUrl() + "/hooks/leads");
        engine.close();
        engine = null;
        List<LoggedRequest> switchboardRequests = sinkRequests();
        sink.resetRequests();

        CamelExport export = new CamelYamlExport(ConnectorCatalog.load()).export(flow);
        assertThat(export.yaml()).doesNotContain(SINK_TOKEN).contains("Bearer {{SINK_TOKEN}}");
        Path routes = Files.writeString(dir.resolve("leads.camel.yaml"), export.yaml());
        int port = freePort();
        camel = startStockCamel(routes, port);
        String camelHook = "http://127.0.0.1:" + port + "/hooks/leads";
        await().atMost(Duration.ofSeconds(60)).until(() -> answers(camelHook));
        List<JsonNode> fromCamel = deliver(i -> camelHook);
        // a graceful stop lets every wire-tapped event finish: after it, nothing more can arrive
        camel.destroy();
        assertThat(camel.waitFor(60, TimeUnit.SECONDS)).as("Camel stops").isTrue();
        List<LoggedRequest> camelRequests = sinkRequests();

        assertThat(fromSwitchboard)
                .as("Switchboard's answers")
                .allSatisfy(a -> assertThat(a.has("id")).isTrue());
        assertThat(fromCamel)
                .as("Camel's answers")
                .allSatisfy(a -> assertThat(a.has("id")).isTrue());
        List<JsonNode> expected = bodies(switchboardRequests);
        assertThat(expected)
                .as("what Switchboard sent")
                .containsExactlyInAnyOrder(
                        normalised("{\"customer\": {\"name\": \"Ada\", \"email\": \"ada@acme.com\"}, \"score\": 72,"
                                + " \"amount\": 12.50, \"label\": \"Lead Ada (72)\"}"),
                        normalised("{\"customer\": {\"name\": \"Cy\", \"email\": \"cy@example.com\"}, \"score\": 51,"
                                + " \"amount\": null, \"label\": \"Lead Cy (51)\"}"));
        assertThat(bodies(camelRequests)).as("what stock Camel sent").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(camelRequests)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SINK_TOKEN));
        assertThat(switchboardRequests)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SINK_TOKEN));
    }

    /** Posts every event, in order, and returns the answers; waits until the sink has the matched two. */
    private List<JsonNode> deliver(IntFunction<String> hook) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < EVENTS.size(); i++) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(hook.apply(i)))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(EVENTS.get(i)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            answers.add(JSON.readTree(response.body()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sinkRequests().size() >= 2);
        return answers;
    }

    private List<LoggedRequest> sinkRequests() {
        return sink.findAll(postRequestedFor(urlEqualTo("/sink/leads")));
    }

    private static List<JsonNode> bodies(List<LoggedRequest> requests) {
        return requests.stream().map(r -> normalised(r.getBodyAsString())).toList();
    }

    /** Numbers compared by value: JSONata's 12.5 is Switchboard's 12.50. */
    private static JsonNode normalised(String json) {
        try {
            return normalised(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode normalised(JsonNode node) {
        if (node.isNumber()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), normalised(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(normalised(item)));
            return out;
        }
        return node;
    }

    private static boolean answers(String url) {
        try {
            // the HTTP server answers 404 until the route is added; then a GET is refused by method (405)
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .timeout(Duration.ofSeconds(2))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    != 404;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * camel-main with the exported file, in a JVM whose class path is this test's minus everything
     * of Switchboard (its modules' classes and jars): only Apache Camel and the libraries it needs.
     */
    private Process startStockCamel(Path routes, int port) throws IOException {
        List<String> classPath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .filter(entry -> !entry.replace(File.separatorChar, '/').contains("/dev/switchboard/"))
                .filter(entry -> !new File(entry).getName().startsWith("switchboard-"))
                .toList();
        assertThat(classPath).as("stock Camel's class path").noneMatch(e -> e.contains("switchboard"));
        Path logback = Files.writeString(
                dir.resolve("logback.xml"),
                "<configuration><appender name='out' class='ch.qos.logback.core.ConsoleAppender'><encoder>"
                        + "<pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder></appender>"
                        + "<root level='INFO'><appender-ref ref='out'/></root></configuration>");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(File.pathSeparator, classPath),
                "-Dlogback.configurationFile=" + logback,
                "-Dcamel.main.routesIncludePattern=file:" + routes,
                "-Dcamel.server.enabled=true",
                "-Dcamel.server.host=127.0.0.1",
                "-Dcamel.server.port=" + port,
                "-DSINK_TOKEN=" + SINK_TOKEN,
                "org.apache.camel.main.Main");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("camel.log").toFile())
                .start();
    }

    static Flow leadsFlow(String sinkUrl) {
        Node hook = new Node("hook", "webhook", null, ConfigValue.object("path", "/hooks/leads"), null);
        Node hot = new Node(
                "hot",
                "filter",
                null,
                ConfigValue.object(
                        "match",
                        "all",
                        "rules",
                        ConfigValue.list(
                                ConfigValue.object("field", "data.score", "op", "gt", "value", 50),
                                ConfigValue.object(
                                        "field",
                                        "data.email",
                                        "op",
                                        "matches",
                                        "value",
                                        "(?i)@(acme|example)\\.com$"))),
                null);
        Node lead = new Node(
                "lead",
                "map",
                null,
                ConfigValue.object(
                        "fields",
                        ConfigValue.object(
                                "customer.name", "{{data.name | trim}}",
                                "customer.email", "{{data.email | lower}}",
                                "score", "{{data.score}}",
                                "amount", "{{data.amount | number}}",
                                "label", "Lead {{data.name | trim}} ({{data.score}})")),
                null);
        Node crm = new Node(
                "crm",
                "http.request",
                null,
                ConfigValue.object(
                        "method",
                        "POST",
                        "url",
                        sinkUrl,
                        "auth",
                        "bearer",
                        "token",
                        "{{secret:SINK_TOKEN}}",
                        "retries",
                        0),
                null);
        return new Flow(
                FlowFormat.CURRENT,
                "leads",
                "Leads",
                null,
                null,
                List.of(hook, hot, lead, crm),
                List.of(Wire.of("hook", "hot"), Wire.of("hot", "matched", "lead"), Wire.of("lead", "crm")),
                null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
