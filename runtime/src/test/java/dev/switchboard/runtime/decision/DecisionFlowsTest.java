package dev.switchboard.runtime.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.decision.FraudModelTraining;
import dev.switchboard.connector.decision.SyntheticOrders;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.OnlineModelStore;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.StoreOnlineModels;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * score and learn in flows on a durable runtime (H2 file in a temporary data folder), with the
 * fraud model trained into the data folder as the sample's documentation says.
 */
class DecisionFlowsTest {
    private static final String RISKY =
            "{\"amount\": 1850, \"countryRisk\": 0.95, \"accountAgeDays\": 2, \"items\": 9, \"night\": true}";
    private static final String SAFE =
            "{\"amount\": 24.90, \"countryRisk\": 0.05, \"accountAgeDays\": 1200, \"items\": 1, \"night\": false}";
    private static final ConfigValue FEATURES = ConfigValue.object(
            "amount", "{{data.amount}}",
            "country_risk", "{{data.countryRisk}}",
            "account_age_days", "{{data.accountAgeDays}}",
            "items", "{{data.items}}",
            "night", "{{data.night}}");

    @TempDir
    static Path trained;

    private static Path model;

    @TempDir
    Path data;

    private DurableRuntime runtime;

    @BeforeAll
    static void train() {
        model = FraudModelTraining.writeModel(trained.resolve("fraud.tribuo"));
    }

    @BeforeEach
    void start() throws Exception {
        List.of("scored", "score-errors", "learned", "online-scored").forEach(CaptureConnector::clear);
        Files.createDirectories(data.resolve("models"));
        Files.copy(model, data.resolve("models/fraud.tribuo"));
        runtime = startRuntime();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private DurableRuntime startRuntime() {
        return DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, data, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
    }

    @Test
    void aTrainedModelsDecisionCarriesLabelScoreModelVersionAndTheFeaturesThatWeighedMost() throws Exception {
        runtime.engine().deploy(scoring("models/fraud.tribuo", 0.8));

        InjectConnector.send(runtime.engine().camel(), "orders", RISKY);
        InjectConnector.send(runtime.engine().camel(), "orders", SAFE);

        List<Event> scored = CaptureConnector.events("scored");
        assertThat(scored).hasSize(2);
        JsonNode risky = scored.get(0).data().path("decision");
        JsonNode safe = scored.get(1).data().path("decision");
        assertThat(risky.path("label").asText()).isEqualTo("fraud");
        assertThat(risky.path("score").asDouble()).isGreaterThan(0.8);
        assertThat(risky.path("threshold").asDouble()).isEqualTo(0.8);
        assertThat(risky.path("model").asText()).isEqualTo("models/fraud.tribuo");
        assertThat(risky.path("version").asText()).matches("sha256:[0-9a-f]{12}");
        assertThat(safe.path("label").asText()).isEqualTo("ok");
        assertThat(safe.path("score").asDouble()).isLessThan(0.2);
        // the event's own data is kept beside the decision
        assertThat(scored.get(0).data().path("amount").asInt()).isEqualTo(1850);

        JsonNode top = risky.path("topFeatures");
        assertThat(top).hasSize(3);
        double previous = Double.MAX_VALUE;
        for (JsonNode feature : top) {
            double contribution = feature.path("contribution").asDouble();
            assertThat(contribution)
                    .isCloseTo(
                            feature.path("weight").asDouble()
                                    * feature.path("value").asDouble(),
                            org.assertj.core.api.Assertions.within(1e-9));
            assertThat(Math.abs(contribution)).isLessThanOrEqualTo(previous);
            previous = Math.abs(contribution);
        }
        // what pushes this order toward fraud most is among the rule's strong terms
        assertThat(top.get(0).path("feature").asText()).isIn("amount", "country_risk", "account_age_days");
        assertThat(top.get(0).path("contribution").asDouble()).isPositive();
    }

    @Test
    void theThresholdDecidesTheLabelOfTheSameScore() throws Exception {
        runtime.engine().deploy(scoring("models/fraud.tribuo", 0.999999));
        InjectConnector.send(runtime.engine().camel(), "orders", RISKY);
        runtime.engine().deploy(scoring("models/fraud.tribuo", 0.5));
        InjectConnector.send(runtime.engine().camel(), "orders", RISKY);

        List<Event> scored = CaptureConnector.events("scored");
        assertThat(scored)
                .extracting(e -> e.data().path("decision").path("label").asText())
                .containsExactly("ok", "fraud");
        assertThat(scored.get(0).data().path("decision").path("score").asDouble())
                .isEqualTo(scored.get(1).data().path("decision").path("score").asDouble());
    }

    @Test
    void anEventWithoutAFeatureFailsAtTheScoreNodeSayingWhichAndIsNotRetried() throws Exception {
        runtime.engine().deploy(scoring("models/fraud.tribuo", 0.8));

        InjectConnector.send(
                runtime.engine().camel(),
                "orders",
                "{\"amount\": 10, \"countryRisk\": \"high\", \"items\": 1, \"night\": false}");

        await().until(() -> CaptureConnector.events("score-errors").size() == 1);
        Event failed = CaptureConnector.events("score-errors").get(0);
        assertThat(failed.extensions()).containsEntry("errornode", "score");
        assertThat(failed.extensions().get("error"))
                .contains("country_risk ({{data.countryRisk}}) is 'high', not a number")
                .contains("account_age_days ({{data.accountAgeDays}}) is missing");
        assertThat(CaptureConnector.events("scored")).isEmpty();
        assertThat(runtime.inbox().pendingCount()).isZero();
    }

    @Test
    void aModelThatDoesNotFitTheConfigStopsTheDeployNamingWhatIsWrong() {
        assertThatThrownBy(() -> runtime.engine().deploy(scoring("models/missing.tribuo", 0.8)))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageContaining("Node 'score' (score): cannot read the model file 'models/missing.tribuo'");
        assertThatThrownBy(() -> runtime.engine().deploy(scoring("../outside.tribuo", 0.8)))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageContaining("Node 'score' (score): model: ");
    }

    @Test
    void badConfigsAreValidationProblemsAtTheirPointers() {
        Flow flow = flow(
                "bad",
                List.of(
                        node("in", "test.inject", "channel", "bad"),
                        node("score", "score", "model", "online:", "features", ConfigValue.object(), "threshold", 2),
                        node(
                                "learn",
                                "learn",
                                "model",
                                "fraud",
                                "label",
                                "{{data.fraud}}",
                                "features",
                                FEATURES,
                                "learningRate",
                                5)),
                List.of(Wire.of("in", "score"), Wire.of("score", "learn")));

        List<Problem> problems = new FlowValidator(ConnectorCatalog.load()).validate(flow);

        assertThat(problems)
                .filteredOn(Problem::isError)
                .extracting(Problem::pointer)
                .contains(
                        "/nodes/1/config/model",
                        "/nodes/1/config/features",
                        "/nodes/1/config/threshold",
                        "/nodes/2/config/learningRate");
    }

    @Test
    void learningMovesTheOnlineModelsScoresTowardTheLabelsAndSurvivesARestart() throws Exception {
        runtime.engine().deploy(learning());
        runtime.engine().deploy(onlineScoring());
        InjectConnector.send(runtime.engine().camel(), "online-orders", RISKY);
        double untrained = onlineScore(0);

        for (SyntheticOrders.Order order : SyntheticOrders.generate(FraudModelTraining.SEED, 1_500)) {
            InjectConnector.send(runtime.engine().camel(), "feedback", order.json());
        }
        InjectConnector.send(runtime.engine().camel(), "online-orders", RISKY);
        InjectConnector.send(runtime.engine().camel(), "online-orders", SAFE);

        assertThat(untrained).isEqualTo(0.5);
        List<Event> learned = CaptureConnector.events("learned");
        assertThat(learned).hasSize(1_500);
        JsonNode last = learned.get(learned.size() - 1).data().path("learned");
        assertThat(last.path("model").asText()).isEqualTo("fraud-online");
        assertThat(last.path("examples").asLong()).isEqualTo(1_500);
        assertThat(last.path("version").asLong()).isEqualTo(1_500);
        // each step moves the score of its own example toward its label
        assertThat(learned).allSatisfy(e -> {
            JsonNode step = e.data().path("learned");
            double before = step.path("scoreBefore").asDouble();
            double after = step.path("scoreAfter").asDouble();
            if (step.path("label").asBoolean()) {
                assertThat(after).isGreaterThan(before);
            } else {
                assertThat(after).isLessThan(before);
            }
        });
        double risky = onlineScore(1);
        double safe = onlineScore(2);
        assertThat(risky).isGreaterThan(0.5);
        assertThat(safe).isLessThan(0.2);
        assertThat(CaptureConnector.events("online-scored")
                        .get(1)
                        .data()
                        .path("decision")
                        .path("version")
                        .asText())
                .isEqualTo("1500");

        runtime.close();
        runtime = startRuntime();
        runtime.engine().deploy(onlineScoring());
        InjectConnector.send(runtime.engine().camel(), "online-orders", RISKY);

        assertThat(onlineScore(3)).isEqualTo(risky);
        assertThat(CaptureConnector.events("online-scored")
                        .get(3)
                        .data()
                        .path("decision")
                        .path("version")
                        .asText())
                .isEqualTo("1500");
    }

    @Test
    void learnersRunningAtOnceLoseNoStep() throws Exception {
        Flow feedback = new Flow(
                FlowFormat.CURRENT,
                "concurrent-feedback",
                "concurrent-feedback",
                null,
                null,
                List.of(
                        node("in", "webhook", "path", "/hooks/feedback"),
                        node("learn", "learn", "model", "busy", "label", "{{data.fraud}}", "features", FEATURES)),
                List.of(Wire.of("in", "learn")),
                ConfigValue.object("concurrency", 8));
        runtime.engine().deploy(feedback);
        List<SyntheticOrders.Order> orders = SyntheticOrders.generate(3, 200);
        HttpClient http = HttpClient.newHttpClient();

        List<CompletableFuture<HttpResponse<String>>> sent = orders.stream()
                .map(order -> http.sendAsync(
                        HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/feedback"))
                                .POST(HttpRequest.BodyPublishers.ofString(order.json()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        assertThat(sent).allSatisfy(r -> assertThat(r.get().statusCode()).isEqualTo(202));
        await().until(() -> runtime.inbox().pendingCount() == 0);
        OnlineModelStore.State model =
                new StoreOnlineModels(runtime.store()).load("busy").orElseThrow();
        assertThat(model.examples()).isEqualTo(200);
        assertThat(model.version()).isEqualTo(200);
    }

    private static double onlineScore(int index) {
        return CaptureConnector.events("online-scored")
                .get(index)
                .data()
                .path("decision")
                .path("score")
                .asDouble();
    }

    private static Flow scoring(String model, double threshold) {
        return flow(
                "scoring",
                List.of(
                        node("in", "test.inject", "channel", "orders"),
                        node(
                                "score",
                                "score",
                                "model",
                                model,
                                "features",
                                FEATURES,
                                "threshold",
                                threshold,
                                "positiveLabel",
                                "fraud",
                                "negativeLabel",
                                "ok"),
                        node("out", "test.capture", "sink", "scored"),
                        node("errors", "test.capture", "sink", "score-errors")),
                List.of(Wire.of("in", "score"), Wire.of("score", "out"), Wire.of("score", "error", "errors")));
    }

    private static Flow onlineScoring() {
        return flow(
                "online-scoring",
                List.of(
                        node("in", "test.inject", "channel", "online-orders"),
                        node("score", "score", "model", "online:fraud-online", "features", FEATURES, "threshold", 0.8),
                        node("out", "test.capture", "sink", "online-scored")),
                List.of(Wire.of("in", "score"), Wire.of("score", "out")));
    }

    private static Flow learning() {
        return flow(
                "feedback",
                List.of(
                        node("in", "test.inject", "channel", "feedback"),
                        node(
                                "learn",
                                "learn",
                                "model",
                                "fraud-online",
                                "label",
                                "{{data.fraud}}",
                                "features",
                                FEATURES,
                                "learningRate",
                                0.05),
                        node("out", "test.capture", "sink", "learned")),
                List.of(Wire.of("in", "learn"), Wire.of("learn", "out")));
    }

    private static Flow flow(String id, List<Node> nodes, List<Wire> wires) {
        return new Flow(FlowFormat.CURRENT, id, id, null, null, nodes, wires, null);
    }

    private static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }
}
