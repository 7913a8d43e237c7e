package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.HistoryLevel;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.MaskPath;
import dev.switchboard.runtime.policy.PoliciesFile;
import dev.switchboard.runtime.policy.PolicyFileException;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.validate.Problem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A masking rule that names a classification, on a real durable runtime: the sample contract
 * samples/schemas/orders annotates customer.email and customer.name as pii; run's policy loading
 * turns "classification": "pii" into those paths, and an order posted to a real webhook reaches the
 * loopback API whole while no file of the data folder and no {@code runs show} holds the e-mail.
 */
class ClassifiedMaskingEndToEndTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final Path SAMPLE_SCHEMAS = Path.of("..", "samples", "schemas");
    static final String POLICIES = """
            {"format": "switchboard/policies@1",
             "masking": [{"name": "pii", "classification": "pii", "method": "redact"}]}
            """;
    static final String EMAIL = "ada.lovelace@example.com";
    static final String NAME = "Augusta Ada King";

    @TempDir
    Path dataDir;

    @TempDir
    Path config;

    HttpServer api;
    final List<String> received = new CopyOnWriteArrayList<>();
    DurableRuntime runtime;
    CentralPolicies policies;

    @BeforeEach
    void start() throws Exception {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/shop", this::answer);
        api.start();
        Path policiesFile = config.resolve(PoliciesFile.FILE);
        Files.writeString(policiesFile, POLICIES);
        SecretResolver secrets = SecretResolver.of(Map.of());
        policies = RunPolicies.load(
                policiesFile,
                new SchemaRegistry(SAMPLE_SCHEMAS),
                secrets,
                dataDir,
                name -> name.equals("SWITCHBOARD_SECRETS_KEY") ? "vault-key-for-tests" : null);
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5), policies),
                ConnectorCatalog.load(),
                secrets,
                null,
                HistoryOptions.defaults().withLevel(HistoryLevel.FULL));
    }

    @AfterEach
    void stop() {
        Awaitility.reset();
        if (runtime != null) {
            runtime.close();
        }
        api.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] bytes = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void fieldsTheContractClassifiesAsPiiAreNeitherStoredNorShown() throws Exception {
        assertThat(policies.policies().masking())
                .singleElement()
                .satisfies(rule -> assertThat(rule.fields())
                        .extracting(MaskPath::text)
                        .containsExactly("data.customer.email", "data.customer.name"));
        runtime.engine().deploy(orderFlow("http://127.0.0.1:" + api.getAddress().getPort() + "/shop"));

        String id = push("""
                {"id": "ord-7001", "customer": {"email": "%s", "name": "%s"}, "total": 42.5, "currency": "EUR"}""".formatted(EMAIL, NAME));

        await().until(() -> runtime.runs().path(id).size() == 1);
        runtime.history().awaitWritten(Duration.ofSeconds(10));
        // the policies mask what the runtime keeps and shows: the API still gets the order whole
        assertThat(received).singleElement().satisfies(b -> assertThat(b).contains(EMAIL, NAME));
        assertThat(runtime.runs().path(id).get(0).steps())
                .filteredOn(s -> s.nodeId().equals("in"))
                .singleElement()
                .satisfies(s -> assertThat(s.policies()).contains("pii: masked"));

        String shown = cli("runs", "show", id);
        assertThat(shown).contains("ord-7001", "***").doesNotContain(EMAIL).doesNotContain(NAME);

        runtime.close();
        runtime = null;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".mv.db"));
        List<String> all = new ArrayList<>();
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as("%s holds the e-mail", file).doesNotContain(EMAIL);
            assertThat(bytes).as("%s holds the name", file).doesNotContain(NAME);
            all.add(bytes);
        }
        // the scan sees stored text as it is: the kept order is there in plain bytes
        assertThat(String.join("", all)).contains("ord-7001");
    }

    @Test
    void aClassificationNoRegisteredSchemaCarriesStopsTheStartAtItsPointer() throws Exception {
        Path file = config.resolve("typo-" + PoliciesFile.FILE);
        Files.writeString(file, """
                {"format": "switchboard/policies@1",
                 "masking": [{"name": "pii", "classification": "PII", "method": "redact"}]}
                """);

        assertThatThrownBy(() -> RunPolicies.load(
                        file, new SchemaRegistry(SAMPLE_SCHEMAS), SecretResolver.of(Map.of()), dataDir, name -> null))
                .isInstanceOfSatisfying(
                        PolicyFileException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::pointer, Problem::message)
                                .containsExactly(tuple(
                                        "/masking/0/classification",
                                        "No field of any registered schema is annotated \"x-classification\": \"PII\""
                                                + " (classifications in use: pii)")));
    }

    private static Flow orderFlow(String url) {
        return new Flow(
                FlowFormat.CURRENT,
                "shop-orders",
                "shop-orders",
                null,
                null,
                List.of(
                        node("in", "webhook", "path", "/hooks/shop-orders"),
                        node("log", "log", "message", "order {{data.id}} from {{data.customer.email}}"),
                        node("send", "http.request", "method", "POST", "url", url, "retries", 0)),
                List.of(Wire.of("in", "log"), Wire.of("log", "send")),
                null);
    }

    private String push(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/shop-orders"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        return Json.parse(response.body()).path("id").asText();
    }

    /** Runs the command line on this test's data folder; what it printed, stdout and stderr. */
    private String cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(dataDir.toString());
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exit()).as("%s: %s%s", all, run.out(), run.err()).isZero();
        return run.out() + run.err();
    }

    private static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }
}
