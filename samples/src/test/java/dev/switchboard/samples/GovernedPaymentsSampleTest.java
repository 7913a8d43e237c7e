package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.HistoryLevel;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.PolicyFiles;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DeadLetter;
import dev.switchboard.runtime.store.DeadLetterFilter;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.RunQueries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governed-payments sample as {@code switchboard run samples/governed-payments} runs it: the
 * {@code policies.json} beside the flow found the way {@code run} finds it, a durable runtime on
 * H2, payments over real HTTP. Cards and e-mails are masked in run history and in no file of the
 * data folder in clear; cards are masked in what reaches {@code analytics.payments}; an EU payment
 * reaches {@code payments.eu} but is blocked from analytics and kept as a dead letter naming the rule.
 */
class GovernedPaymentsSampleTest {
    private static final Path SAMPLE = Path.of("governed-payments").toAbsolutePath();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String EU_CARD = "5500005555555559";
    private static final String US_CARD = "4111111111111111";

    @TempDir
    Path dataDir;

    private DurableRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        CaptureConnector.clear("governed-eu");
        CaptureConnector.clear("governed-analytics");
        SecretResolver secrets = SecretResolver.of(Map.of());
        assertThat(PolicyFiles.locate(SAMPLE, dataDir)).contains(SAMPLE.resolve("policies.json"));
        CentralPolicies policies = PolicyFiles.beside(SAMPLE, dataDir, SchemaRegistry.beside(SAMPLE), secrets);
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5), policies),
                ConnectorCatalog.load(),
                secrets,
                null,
                HistoryOptions.defaults().withLevel(HistoryLevel.FULL));
        runtime.engine().deploy(listener("eu-listener", "payments.eu", "governed-eu"));
        runtime.engine().deploy(listener("analytics-listener", "analytics.payments", "governed-analytics"));
        runtime.engine().deploy(FlowCodec.read(Files.readString(SAMPLE.resolve("governed-payments.flow.json"))));
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void cardsAndEmailsAreMaskedAndAnEuPaymentStaysInTheEu() throws Exception {
        String us = pay("{\"paymentId\": \"p-1\", \"region\": \"us\", \"email\": \"ada@example.com\","
                + " \"card\": {\"number\": \"" + US_CARD + "\"}, \"amount\": 12.5}");
        String eu = pay("{\"paymentId\": \"p-2\", \"region\": \"eu\", \"email\": \"grace@example.org\","
                + " \"card\": {\"number\": \"" + EU_CARD + "\"}, \"amount\": 30}");

        await().until(() -> CaptureConnector.events("governed-analytics").size() == 1);
        Event analytics = CaptureConnector.events("governed-analytics").get(0);
        assertThat(analytics.id()).isEqualTo(us);
        assertThat(analytics.data().path("card").path("number").asText())
                .as("the cards rule applies to what is sent to analytics.*")
                .isEqualTo("***1111");
        await().until(() -> CaptureConnector.events("governed-eu").size() == 1);
        assertThat(CaptureConnector.events("governed-eu").get(0).id()).isEqualTo(eu);

        await().until(() ->
                runtime.deadLetters().list(DeadLetterFilter.all(), 10).size() == 1);
        DeadLetter blocked =
                runtime.deadLetters().list(DeadLetterFilter.all(), 10).get(0);
        assertThat(blocked.eventId()).isEqualTo(eu);
        assertThat(blocked.nodeId()).isEqualTo("analytics");
        assertThat(blocked.error())
                .contains("blocked by routing policy 'eu-payments-stay-in-eu': topic:analytics.payments");

        List<RunQueries.Step> euSteps = steps(eu);
        RunQueries.Step atTrigger = step(euSteps, "payments");
        assertThat(atTrigger.output()).contains("***5559", "\"email\":\"***\"").doesNotContain(EU_CARD);
        assertThat(atTrigger.policies()).contains("cards: masked", "emails: masked");
        assertThat(step(euSteps, "regional").policies()).contains("eu-payments-stay-in-eu: allowed payments.eu");
        assertThat(step(euSteps, "analytics").policies())
                .contains("eu-payments-stay-in-eu: blocked analytics.payments");

        runtime.close();
        runtime = null;
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content)
                        .as("%s holds no card number or e-mail in clear", dataDir.relativize(file))
                        .doesNotContain(US_CARD, EU_CARD, "ada@example.com", "grace@example.org");
            }
        }
    }

    private List<RunQueries.Step> steps(String eventId) {
        await().until(() -> runtime.runs().path(eventId).stream()
                .anyMatch(p -> p.steps().stream().anyMatch(s -> s.nodeId().equals("analytics"))));
        return runtime.runs().path(eventId).stream()
                .flatMap(p -> p.steps().stream())
                .toList();
    }

    private static RunQueries.Step step(List<RunQueries.Step> steps, String nodeId) {
        return steps.stream()
                .filter(s -> s.nodeId().equals(nodeId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step at " + nodeId + " in " + steps));
    }

    private String pay(String json) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/governed-payments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode body = Json.parse(answer.body());
        return body.path("id").asText();
    }

    private static Flow listener(String id, String topic, String sink) {
        return new Flow(
                FlowFormat.CURRENT,
                id,
                id,
                null,
                null,
                List.of(
                        new Node("sub", "event.subscribe", null, ConfigValue.object("topic", topic), null),
                        new Node("out", "test.capture", null, ConfigValue.object("sink", sink), null)),
                List.of(Wire.of("sub", "out")),
                null);
    }
}
