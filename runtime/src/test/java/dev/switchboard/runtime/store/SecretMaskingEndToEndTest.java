package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.cli.SwitchboardCli;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.live.LiveMessage;
import dev.switchboard.runtime.live.LiveMonitor;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Secrets in the properties that accept them reach the API they are meant for, and no form of them —
 * as written, URL-encoded, base64'd inside a Basic header — reaches run history or dead letters,
 * even when the API echoes them back, nor what the designer's messages panel shows. A secret where
 * none is accepted is never resolved at all.
 */
class SecretMaskingEndToEndTest {
    static final String USER = "apiuser";
    static final String PASSWORD = "Pa55w0rd!secret";
    static final String KEY = "k3y:v@l!ue~42";
    static final String TOKEN = "t0ken-abc-123456";
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDir;

    static DurableRuntime runtime;
    static LiveMonitor live;
    static HttpServer api;

    @BeforeAll
    static void start() throws IOException {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/echo", exchange -> answer(exchange, 200));
        api.createContext("/fail", exchange -> answer(exchange, 500));
        api.start();
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of("API_PASSWORD", PASSWORD, "API_KEY", KEY, "API_TOKEN", TOKEN)),
                null,
                HistoryOptions.defaults());
        live = new LiveMonitor(100, runtime.engine().secretMask());
        runtime.engine().addRunListener(live);
    }

    @AfterAll
    static void stop() {
        Awaitility.reset();
        runtime.close();
        api.stop(0);
    }

    /** Echoes what a careless API echoes: the credentials it got, and a link back with the key URL-encoded. */
    private static void answer(HttpExchange exchange, int status) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String key = query == null ? "" : query.substring(query.indexOf('=') + 1);
        String body = Json.write(Json.MAPPER
                .createObjectNode()
                .put("authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                .put("token", exchange.getRequestHeaders().getFirst("X-Token"))
                .put("query", query)
                .put("self", "http://api.example.test/echo?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Flow callApi(String flowId, String apiPath) {
        List<Node> nodes = List.of(
                node("in", "webhook", "path", "/hooks/" + flowId),
                node(
                        "call",
                        "http.request",
                        "method",
                        "GET",
                        "url",
                        "http://127.0.0.1:" + api.getAddress().getPort() + apiPath + "?key={{secret:API_KEY}}",
                        "headers",
                        ConfigValue.object("X-Token", "Bearer {{secret:API_TOKEN}}"),
                        "auth",
                        "basic",
                        "username",
                        USER,
                        "password",
                        "{{secret:API_PASSWORD}}",
                        "retries",
                        0),
                node("out", "test.capture", "sink", "masking-" + flowId));
        return new Flow(
                FlowFormat.CURRENT,
                flowId,
                flowId,
                null,
                null,
                nodes,
                List.of(Wire.of("in", "call"), Wire.of("call", "out")),
                null);
    }

    @Test
    void echoedCredentialsReachTheFlowButNoFormOfThemReachesRunHistory() throws Exception {
        runtime.engine().deploy(callApi("echo", "/echo"));

        String id = push("/hooks/echo");

        await().until(() -> CaptureConnector.events("masking-echo").size() == 1);
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        // the flow itself sees what the API answered: the secrets did reach the API
        assertThat(CaptureConnector.events("masking-echo").get(0).data().toString())
                .contains("Basic " + basic)
                .contains("Bearer " + TOKEN)
                .contains("key=" + KEY);
        await().until(() -> !runtime.runs().path(id).isEmpty());
        runtime.history().awaitWritten(Duration.ofSeconds(10));

        List<String> stored = storedSnapshots();
        String shown = cli("runs", "show", id);
        assertThat(shown).contains("***");
        List<String> inDesigner = shownLive(id);
        assertThat(inDesigner).anySatisfy(text -> assertThat(text).contains("***"));
        stored.addAll(inDesigner);
        for (String text : withAll(stored, shown)) {
            assertNoFormOfTheSecrets(text, basic);
        }
    }

    @Test
    void errorTextOfADeadLetteredCallIsMaskedToo() throws Exception {
        runtime.engine().deploy(callApi("failing", "/fail"));

        String id = push("/hooks/failing");

        await().until(() ->
                !runtime.deadLetters().list(DeadLetterFilter.all(), 10).isEmpty());
        await().until(() -> !runtime.runs().path(id).isEmpty());
        runtime.history().awaitWritten(Duration.ofSeconds(10));
        String letters = cli("dead-letters", "list");
        String letter = cli(
                "dead-letters",
                "show",
                Long.toString(runtime.deadLetters()
                        .list(DeadLetterFilter.all(), 10)
                        .get(0)
                        .id()));
        assertThat(letter).contains("answered 500").contains("***");
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<String> all = withAll(storedSnapshots(), letters, letter, cli("runs", "show", id));
        all.addAll(shownLive(id));
        for (String text : all) {
            assertNoFormOfTheSecrets(text, basic);
        }
    }

    @Test
    void secretWhereNoneIsAcceptedNeverDeploysEvenWhenValidationWasBypassed() {
        // the validator refuses this flow; deploying it anyway meets the same check in the compiler
        // (and SecretResolver would not resolve it there either: SecretResolverTest)
        Flow leaky = new Flow(
                FlowFormat.CURRENT,
                "leaky",
                "leaky",
                null,
                null,
                List.of(
                        node("in", "webhook", "path", "/hooks/leaky"),
                        node("map", "map", "fields", ConfigValue.object("note", "key={{secret:API_KEY}}")),
                        node("out", "test.capture", "sink", "masking-leaky")),
                List.of(Wire.of("in", "map"), Wire.of("map", "out")),
                null);

        assertThatThrownBy(() -> runtime.engine().deploy(leaky))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageStartingWith("Node 'map' (map): config/fields/note: 'fields' may not reference a secret")
                .hasMessageNotContaining(KEY);
        assertThat(runtime.engine().deployedFlowIds()).doesNotContain("leaky");
    }

    private static void assertNoFormOfTheSecrets(String text, String basic) {
        assertThat(text)
                .doesNotContain(PASSWORD)
                .doesNotContain(KEY)
                .doesNotContain(TOKEN)
                .doesNotContain(basic)
                .doesNotContain(URLEncoder.encode(KEY, StandardCharsets.UTF_8));
        // and no run of base64 characters that only the password determines (USER + ":" is 8 bytes: offset 2)
        String passwordOnly = basic.substring(12, basic.length() - 2);
        for (int i = 0; i + 4 <= passwordOnly.length(); i++) {
            assertThat(text).doesNotContain(passwordOnly.substring(i, i + 4));
        }
    }

    /** What the designer's messages panel would show of a run: each step's input, output and error. */
    private static List<String> shownLive(String eventId) {
        List<String> texts = new ArrayList<>();
        for (LiveMessage message : live.snapshot(0).messages()) {
            if (message.eventId().equals(eventId)) {
                for (Event event : new Event[] {message.input(), message.output()}) {
                    if (event != null) {
                        texts.add(Json.write(Json.toCloudEvent(event)));
                    }
                }
                if (message.error() != null) {
                    texts.add(message.error());
                }
            }
        }
        assertThat(texts).isNotEmpty();
        return texts;
    }

    private static List<String> withAll(List<String> stored, String... more) {
        List<String> all = new ArrayList<>(stored);
        all.addAll(List.of(more));
        return all;
    }

    private static List<String> storedSnapshots() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection c = runtime.store().connection();
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT input, output, error FROM run_steps")) {
                while (r.next()) {
                    for (int column = 1; column <= 3; column++) {
                        if (r.getString(column) != null) {
                            texts.add(r.getString(column));
                        }
                    }
                }
            }
            try (ResultSet r = s.executeQuery("SELECT error FROM dead_letters")) {
                while (r.next()) {
                    texts.add(r.getString(1));
                }
            }
        }
        assertThat(texts).isNotEmpty();
        return texts;
    }

    private static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    private static String push(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + path))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"order\": 42}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        return Json.parse(response.body()).path("id").asText();
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(dataDir.toString());
        int code = cli.execute(all.toArray(String[]::new));
        assertThat(code).as("exit code of %s: %s", all, out).isZero();
        return out.toString();
    }
}
