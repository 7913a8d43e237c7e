package dev.switchboard.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.FlowFiles;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.ValidationResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample loads, validates and saves back byte for byte; the core samples run against loopback servers. */
class SamplesTest {
    private static final Path SAMPLES = Path.of("").toAbsolutePath();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static WireMockServer partner;

    @TempDir
    Path dataDir;

    private Engine engine;

    @BeforeAll
    static void startPartner() {
        partner = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        partner.start();
    }

    @AfterAll
    static void stopPartner() {
        partner.stop();
    }

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
        partner.resetAll();
    }

    static Stream<Path> sampleFiles() throws Exception {
        List<Path> files = FlowFiles.collect(List.of(SAMPLES));
        assertThat(files).as("samples under %s", SAMPLES).hasSizeGreaterThanOrEqualTo(3);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void sampleIsValidDescribedAndSavesBackByteForByte(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // with the schemas folder beside the samples: bound contracts must exist and fit
        ValidationResult result =
                new FlowValidator(ConnectorCatalog.load(), SchemaRegistry.beside(file)).validate(text);

        assertThat(result.problems()).as("problems in %s", file.getFileName()).isEmpty();
        assertThat(result.flow().name()).isNotBlank();
        assertThat(result.flow().description()).isNotBlank();
        assertThat(FlowCodec.write(FlowCodec.read(text))).isEqualTo(text);
    }

    @Test
    void helloWebhookGreetsAndAppendsToAFile() throws Exception {
        start(Map.of(), "hello-webhook");

        assertThat(send("/hooks/hello", "{\"name\": \"Ada\"}", Map.of()).statusCode())
                .isEqualTo(202);

        Path out = dataDir.resolve("out/hello.jsonl");
        await().until(() -> Files.exists(out) && !Files.readAllLines(out).isEmpty());
        JsonNode line = Json.parse(Files.readAllLines(out).get(0));
        assertThat(line.path("greeting").asText()).isEqualTo("Hello, Ada!");
    }

    @Test
    void signedHotLeadsReachTheCrmAndColdOnesDoNot() throws Exception {
        partner.stubFor(post("/contacts").willReturn(aResponse().withStatus(201).withBody("{\"ok\":true}")));
        start(
                Map.of("LEADS_WEBHOOK_SECRET", "shh", "CRM_TOKEN", "crm-token", "CRM_URL", partner.baseUrl()),
                "signed-lead-to-crm");

        String hot = "{\"name\": \" Grace \", \"email\": \"Grace@Example.com\", \"score\": \"87\"}";
        String cold = "{\"name\": \"Bob\", \"email\": \"bob@example.com\", \"score\": 12}";
        assertThat(send("/hooks/leads", hot, Map.of("X-Signature-256", sign("shh", hot)))
                        .statusCode())
                .isEqualTo(202);
        assertThat(send("/hooks/leads", cold, Map.of("X-Signature-256", sign("shh", cold)))
                        .statusCode())
                .isEqualTo(202);
        assertThat(send("/hooks/leads", hot, Map.of("X-Signature-256", sign("wrong", hot)))
                        .statusCode())
                .isEqualTo(401);

        await().untilAsserted(
                        () -> partner.verify(
                                1,
                                postRequestedFor(urlEqualTo("/contacts"))
                                        .withHeader("Authorization", equalTo("Bearer crm-token"))
                                        .withRequestBody(
                                                equalToJson(
                                                        "{\"name\":\"Grace\",\"email\":\"grace@example.com\",\"score\":87,\"source\":\"switchboard\"}"))));
        assertThat(partner.findAll(postRequestedFor(urlEqualTo("/contacts")))).hasSize(1);
    }

    @Test
    void statusPollAppendsEachCheck() throws Exception {
        partner.stubFor(get("/status")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": \"green\"}")));
        Flow sample = load("status-poll-to-file");
        // the sample polls every 30 s; the test keeps its shape and only shortens the wait
        Flow fast = sample.withNode(withConfig(sample.node("every30s").orElseThrow(), "interval", "200ms"));
        startFlows(Map.of("STATUS_URL", partner.baseUrl() + "/status"), fast);

        Path out = dataDir.resolve("status/checks.jsonl");
        await().until(() -> Files.exists(out) && Files.readAllLines(out).size() >= 2);
        JsonNode check = Json.parse(Files.readAllLines(out).get(0));
        assertThat(check.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(check.path("status").asText()).isEqualTo("green");
    }

    @Test
    void orderIntakePublishesAndTheAuditFlowRecordsIt() throws Exception {
        start(Map.of("ORDERS_TOKEN", "t0k"), "order-intake", "order-audit");

        String order =
                "{\"id\": \"o-1\", \"customer\": {\"email\": \"Ann@Example.com\"}, \"total\": \"19.90\", \"currency\": \"eur\"}";
        HttpResponse<String> accepted = send("/hooks/orders", order, Map.of("Authorization", "Bearer t0k"));
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(send("/hooks/orders", order, Map.of()).statusCode()).isEqualTo(401);

        Path out = dataDir.resolve("audit/orders.jsonl");
        await().until(() -> Files.exists(out) && !Files.readAllLines(out).isEmpty());
        JsonNode event = Json.parse(Files.readAllLines(out).get(0));
        assertThat(event.path("id").asText())
                .isEqualTo(Json.parse(accepted.body()).path("id").asText());
        assertThat(event.path("type").asText()).isEqualTo("com.example.order.created");
        assertThat(event.path("data").path("customer").asText()).isEqualTo("ann@example.com");
        assertThat(event.path("data").path("total").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(event.path("data").path("currency").asText()).isEqualTo("EUR");
        assertThat(Files.readAllLines(out)).hasSize(1);
    }

    @Test
    void ordersUnderContractRejectsABrokenOrderWithPointersAndArchivesAGoodOne() throws Exception {
        start(Map.of(), "orders-under-contract");

        HttpResponse<String> refused = send("/hooks/contract-orders", "{\"id\": \"o-1\", \"total\": \"12\"}", Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode answer = Json.parse(refused.body());
        assertThat(answer.path("contract").asText()).isEqualTo("orders@1");
        List<String> pointers = new ArrayList<>();
        answer.path("violations").forEach(v -> pointers.add(v.path("pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/total", "/customer", "/currency");

        String order = "{\"id\": \"o-2\", \"customer\": {\"email\": \"ann@example.com\"}, \"total\": 19.9,"
                + " \"currency\": \"EUR\"}";
        assertThat(send("/hooks/contract-orders", order, Map.of()).statusCode()).isEqualTo(202);
        Path out = dataDir.resolve("out/order-summaries.jsonl");
        await().until(() -> Files.exists(out) && !Files.readAllLines(out).isEmpty());
        JsonNode summary = Json.parse(Files.readAllLines(out).get(0));
        assertThat(summary.path("orderId").asText()).isEqualTo("o-2");
        assertThat(summary.path("amount").asText()).isEqualTo("19.9 EUR");
        // the refused order never ran: only the good one was archived
        assertThat(Files.readAllLines(out)).hasSize(1);
    }

    private void start(Map<String, String> secrets, String... sampleIds) throws Exception {
        Flow[] flows = new Flow[sampleIds.length];
        for (int i = 0; i < sampleIds.length; i++) {
            flows[i] = load(sampleIds[i]);
        }
        startFlows(secrets, flows);
    }

    private void startFlows(Map<String, String> secrets, Flow... flows) throws Exception {
        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0).withDataDir(dataDir),
                        ConnectorCatalog.load(),
                        SecretResolver.of(secrets))
                .start();
        engine.services()
                .register(ContractSchemas.class, new ContractSchemas(new SchemaRegistry(SAMPLES.resolve("schemas"))));
        for (Flow flow : flows) {
            engine.deploy(flow);
        }
    }

    private static Flow load(String id) throws Exception {
        return FlowCodec.read(Files.readString(SAMPLES.resolve(id + ".flow.json")));
    }

    private static Node withConfig(Node node, String name, String value) {
        return node.withConfig(node.config().with(name, ConfigValue.of(value)));
    }

    private HttpResponse<String> send(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.httpBaseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
