package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.decision.FraudModelTraining;
import dev.switchboard.connector.decision.SyntheticOrders;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * order-fraud-scoring and order-fraud-feedback as shipped, on a durable runtime over real HTTP:
 * orders go to review or fulfilment by their decision, feedback teaches the online model they
 * score with, and the scoring flow runs as documented with a trained Tribuo model too.
 */
class OrderFraudSamplesTest {
    private static final Path SAMPLES = Path.of("").toAbsolutePath();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RISKY =
            "{\"amount\": 1850, \"countryRisk\": 0.95, \"accountAgeDays\": 2, \"items\": 9, \"night\": true}";
    private static final String SAFE = "{\"amount\": 24.90, \"countryRisk\": 0.05, \"accountAgeDays\": 1200}";
    private static final int FEEDBACK = 300;

    @TempDir
    Path data;

    private DurableRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        List.of("review", "fulfil").forEach(CaptureConnector::clear);
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, data, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of("ORDERS_TOKEN", "orders-t0k", "FEEDBACK_TOKEN", "feedback-t0k")),
                null,
                HistoryOptions.defaults());
        runtime.engine().deploy(load("order-fraud-scoring"));
        runtime.engine().deploy(load("order-fraud-feedback"));
        runtime.engine().deploy(subscriber("review", "orders.review"));
        runtime.engine().deploy(subscriber("fulfil", "orders.fulfil"));
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void feedbackTeachesTheModelTheOrdersAreScoredWithAndEachGoesWhereItsDecisionSays() throws Exception {
        order(RISKY);
        await().until(() -> CaptureConnector.events("fulfil").size() == 1);
        JsonNode untrained = decision(CaptureConnector.events("fulfil").get(0));
        assertThat(untrained.path("score").asDouble()).isEqualTo(0.5);
        assertThat(untrained.path("version").asText()).isEqualTo("0");
        assertThat(untrained.path("model").asText()).isEqualTo("online:order-fraud");

        for (SyntheticOrders.Order order : SyntheticOrders.generate(FraudModelTraining.SEED, FEEDBACK)) {
            assertThat(post("/hooks/orders-feedback", order.json(), "feedback-t0k"))
                    .isEqualTo(202);
        }
        await().until(() -> runtime.inbox().pendingCount() == 0);
        order(SAFE);

        await().until(() -> CaptureConnector.events("fulfil").size() == 2);
        JsonNode learned = decision(CaptureConnector.events("fulfil").get(1));
        assertThat(learned.path("version").asText()).isEqualTo(Integer.toString(FEEDBACK));
        assertThat(learned.path("label").asText()).isEqualTo("ok");
        assertThat(learned.path("score").asDouble()).isLessThan(0.5);
        assertThat(learned.path("topFeatures")).hasSize(3);
        assertThat(post("/hooks/orders-scored", SAFE, "wrong")).isEqualTo(401);
    }

    @Test
    void withTheTrainedTribuoModelARiskyOrderGoesToReviewAndASafeOneToFulfilment() throws Exception {
        FraudModelTraining.writeModel(data.resolve("models/fraud.tribuo"));
        Flow sample = load("order-fraud-scoring");
        Node score = sample.node("score").orElseThrow();
        runtime.engine()
                .deploy(sample.withNode(
                        score.withConfig(score.config().with("model", ConfigValue.of("models/fraud.tribuo")))));

        order(RISKY);
        order(SAFE);

        await().until(() -> CaptureConnector.events("review").size() == 1
                && CaptureConnector.events("fulfil").size() == 1);
        JsonNode review = decision(CaptureConnector.events("review").get(0));
        assertThat(review.path("label").asText()).isEqualTo("fraud");
        assertThat(review.path("score").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(review.path("model").asText()).isEqualTo("models/fraud.tribuo");
        assertThat(decision(CaptureConnector.events("fulfil").get(0))
                        .path("label")
                        .asText())
                .isEqualTo("ok");
    }

    private void order(String json) throws Exception {
        assertThat(post("/hooks/orders-scored", json, "orders-t0k")).isEqualTo(202);
    }

    private int post(String path, String body, String token) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + path))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static JsonNode decision(Event event) {
        return event.data().path("decision");
    }

    private static Flow subscriber(String sink, String topic) {
        return new Flow(
                FlowFormat.CURRENT,
                sink + "-queue",
                sink + "-queue",
                null,
                null,
                List.of(
                        new Node("in", "event.subscribe", null, ConfigValue.object("topic", topic), null),
                        new Node("out", "test.capture", null, ConfigValue.object("sink", sink), null)),
                List.of(Wire.of("in", "out")),
                null);
    }

    private static Flow load(String id) throws Exception {
        return FlowCodec.read(Files.readString(SAMPLES.resolve(id + ".flow.json")));
    }
}
