package dev.switchboard.connector.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.RetryHint;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code map} with {@code jsonata}: config checks, what the expression sees, and its bounds. */
class JsonataMappingTest {
    static final Event ORDER = new Event(
            "order-1",
            "/test",
            "com.example.order",
            null,
            null,
            null,
            Json.parse("{ \"items\": [ { \"price\": 2.5, \"qty\": 2 }, { \"price\": 10, \"qty\": 1 } ], \"n\": 1 }"),
            Map.of("tenant", "t-9"));

    static List<ConfigProblem> problems(Object... config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Mapping.read(NodeConfig.of(config), problems);
        return problems;
    }

    static Mapping mapping(Object... config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Mapping mapping = Mapping.read(NodeConfig.of(config), problems);
        assertThat(problems).isEmpty();
        return mapping;
    }

    @Test
    void theExpressionSeesTheWholeEventAndItsResultIsTheData() {
        Event out = mapping("jsonata", "{ 'total': $sum(data.items.(price * qty)), 'id': id, 'tenant': tenant }")
                .apply(ORDER);

        assertThat(out.data()).isEqualTo(Json.parse("{ \"total\": 15, \"id\": \"order-1\", \"tenant\": \"t-9\" }"));
        assertThat(out.id()).isEqualTo("order-1");
    }

    @Test
    void replaceTakesAnyJsonAndNothingBecomesNull() {
        assertThat(mapping("jsonata", "data.items.price").apply(ORDER).data()).isEqualTo(Json.parse("[2.5, 10]"));
        assertThat(mapping("jsonata", "data.n + 0.25").apply(ORDER).data()).isEqualTo(Json.parse("1.25"));
        assertThat(mapping("jsonata", "data.nothing").apply(ORDER).data().isNull())
                .isTrue();
    }

    @Test
    void mergeSetsAnObjectResultOnACopyAndRefusesAnythingElse() {
        Event merged = mapping("jsonata", "{ 'n': data.n + 1, 'added': true }", "mode", "merge")
                .apply(ORDER);

        assertThat(merged.data().get("n").asInt()).isEqualTo(2);
        assertThat(merged.data().get("added").asBoolean()).isTrue();
        assertThat(merged.data().get("items").size()).isEqualTo(2);
        assertThat(ORDER.data().get("n").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> mapping("jsonata", "42", "mode", "merge").apply(ORDER))
                .hasMessageContaining("it gave a number")
                .isInstanceOfSatisfying(
                        RetryHint.class, hint -> assertThat(hint.retryable()).isFalse());
    }

    @Test
    void fieldsAndJsonataAreOneOrTheOther() {
        assertThat(problems("jsonata", "data", "fields", ConfigValue.object("a", "{{data.n}}")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/jsonata");
        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/fields");
            assertThat(p.message()).contains("or give a jsonata expression");
        });
        assertThat(problems("jsonata", "data", "fields", ConfigValue.object())).isEmpty();
    }

    @Test
    void syntaxErrorsEmptyExpressionsAndEvalAreProblemsAtTheExpression() {
        assertThat(problems("jsonata", "data.items[")).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/jsonata");
            assertThat(p.message())
                    .startsWith("Not a valid JSONata expression: ")
                    .contains("at character");
        });
        assertThat(problems("jsonata", "  "))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("The JSONata expression is empty"));
        assertThat(problems("jsonata", "($f := $eval; $f(data.code))"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("$eval is not available"));
    }

    @Test
    void recursionBeyondTheDepthFailsInsteadOfOverflowingTheStack() {
        JsonataExpression deep = JsonataExpression.parse("($f := function($n) { 1 + $f($n + 1) }; $f(0))");

        assertThatThrownBy(() -> deep.evaluate(ORDER))
                .isInstanceOf(JsonataExpression.JsonataFailedException.class)
                .hasMessageContaining("Stack overflow error")
                .hasMessageContaining("max=" + JsonataExpression.MAX_DEPTH);
    }

    @Test
    void aLoopWithoutEndFailsOnceItsTimeIsUp() {
        JsonataExpression loop = JsonataExpression.parse(
                "($loop := function($n) { $loop($n + 1) }; $loop(0))", Duration.ofMillis(100), 300);

        assertThatThrownBy(() -> loop.evaluate(ORDER))
                .isInstanceOf(JsonataExpression.JsonataFailedException.class)
                .hasMessage("The JSONata expression failed: Expression evaluation timeout: Check for infinite loop");
    }

    @Test
    void theHelpsJsonataExampleIsAValidConfigThatDoesWhatItSays() {
        String help = new MapConnector().spec().help();
        String block = help.substring(help.indexOf("```json\n") + "```json\n".length());
        JsonNode example = Json.parse(block.substring(0, block.indexOf("```")));

        Event out = mapping(
                        "jsonata",
                        example.get("jsonata").asText(),
                        "mode",
                        example.get("mode").asText())
                .apply(ORDER);

        assertThat(out.data().get("total").asInt()).isEqualTo(15);
        assertThat(out.data().get("lines").asInt()).isEqualTo(2);
        assertThat(out.data().get("order").asText()).isEqualTo("order-1");
        assertThat(out.data().get("n").asInt()).isEqualTo(1);
    }

    @Test
    void aFunctionIsNotData() {
        assertThatThrownBy(() -> JsonataExpression.parse("function($x) { $x }").evaluate(ORDER))
                .hasMessageContaining("not JSON data");
    }

    @Test
    void oneParsedExpressionServesManyThreadsEachWithItsOwnEvent() throws Exception {
        JsonataExpression double_ = JsonataExpression.parse("data.n * 2");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                calls.add(() -> double_.evaluate(ORDER.withData(Json.parse("{\"n\": " + n + "}")))
                        .asInt());
            }
            List<Future<Integer>> results = pool.invokeAll(calls);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i * 2);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
