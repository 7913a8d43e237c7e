package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code map} with a JSONata expression, in a real engine. */
class MapJsonataFlowTest {
    @TempDir
    static Path data;

    static Engine engine;
    static final List<RunRecord> runs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        engine = Flows.engine(data);
        engine.addRunListener(runs::add);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Flow mapFlow(String id, Object... config) {
        return flow(
                id,
                List.of(inject("in", id), node("shape", "map", config), capture("out", id)),
                List.of(Wire.of("in", "shape"), Wire.of("shape", "out")));
    }

    @Test
    void replaceMakesTheResultTheNewDataAndSeesTheWholeEvent() throws Exception {
        engine.deploy(mapFlow(
                "jsonata-replace",
                "jsonata",
                "{ 'total': $sum(data.items.(price * qty)), 'skus': data.items.sku, 'order': id, 'kind': type }",
                "type",
                "com.example.totalled"));

        InjectConnector.send(
                engine.camel(),
                "jsonata-replace",
                "{\"items\": [{\"sku\": \"A\", \"price\": 2.5, \"qty\": 2}, {\"sku\": \"B\", \"price\": 10, \"qty\": 1}]}");

        Event out = CaptureConnector.events("jsonata-replace").get(0);
        assertThat(out.data().get("total").decimalValue()).isEqualByComparingTo("15");
        assertThat(out.data().get("skus")).isEqualTo(Json.parse("[\"A\", \"B\"]"));
        assertThat(out.data().get("order").asText()).isEqualTo(out.id());
        assertThat(out.data().get("kind").asText()).isEqualTo("dev.switchboard.test.injected");
        assertThat(out.type()).isEqualTo("com.example.totalled");
    }

    @Test
    void mergeSetsTheObjectsFieldsOnTheExistingData() throws Exception {
        engine.deploy(
                mapFlow("jsonata-merge", "jsonata", "{ 'name': $uppercase(data.name), 'n': 1 }", "mode", "merge"));

        InjectConnector.send(engine.camel(), "jsonata-merge", "{\"name\": \"ada\", \"keep\": true}");

        assertThat(CaptureConnector.events("jsonata-merge").get(0).data())
                .isEqualTo(Json.parse("{\"name\": \"ADA\", \"keep\": true, \"n\": 1}"));
    }

    @Test
    void mergeOfAResultThatIsNoObjectFailsTheEvent() throws Exception {
        engine.deploy(mapFlow("jsonata-merge-array", "jsonata", "data.items", "mode", "merge"));

        assertThatThrownBy(() -> InjectConnector.send(engine.camel(), "jsonata-merge-array", "{\"items\": [1]}"))
                .rootCause()
                .hasMessageContaining("mode merge needs the JSONata expression to give an object; it gave an array");
    }

    @Test
    void aSyntaxErrorIsAProblemAtTheExpressionAndTheFlowDoesNotDeploy() {
        Flow bad = mapFlow("jsonata-bad", "jsonata", "{ 'a': data.x + }");

        List<Problem> problems = new FlowValidator(ConnectorCatalog.load()).validate(bad);
        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/nodes/1/config/jsonata");
            assertThat(p.message())
                    .startsWith("Not a valid JSONata expression: ")
                    .contains("at character");
        });
        assertThatThrownBy(() -> engine.deploy(bad))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageContaining("config/jsonata");
    }

    @Test
    void evalIsRefusedSoEventDataIsNeverRunAsAnExpression() {
        List<Problem> problems = new FlowValidator(ConnectorCatalog.load())
                .validate(mapFlow("jsonata-eval", "jsonata", "$eval(data.code)"));

        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/nodes/1/config/jsonata");
            assertThat(p.message()).contains("$eval is not available");
        });
    }

    @Test
    void aRunawayExpressionFailsItsEventOnceItsTimeIsUp() throws Exception {
        engine.deploy(mapFlow("jsonata-runaway", "jsonata", "($loop := function($n) { $loop($n + 1) }; $loop(0))"));

        assertThatThrownBy(() -> InjectConnector.send(engine.camel(), "jsonata-runaway", "{}"))
                .rootCause()
                .hasMessageContaining("Expression evaluation timeout");
        await().until(() -> runs.stream().anyMatch(r -> r.flowId().equals("jsonata-runaway")));
        assertThat(runs.stream().filter(r -> r.flowId().equals("jsonata-runaway")))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(RunStatus.FAILED);
                    assertThat(r.error())
                            .contains(
                                    "The JSONata expression failed: Expression evaluation timeout: Check for infinite loop");
                });
        assertThat(CaptureConnector.events("jsonata-runaway")).isEmpty();
    }
}
