package dev.switchboard.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.connector.rules.RuleSet;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.jsonpath.JsonPathExpression;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each operator's JSONPath, run by camel-jsonpath, decides like Switchboard's own rule engine on
 * the same bodies — present, absent, null and of another type.
 */
class RulePredicatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BODIES = List.of(
            "{\"f\": \"abc\"}",
            "{\"f\": \"xyz\"}",
            "{\"f\": \"a/b.c\"}",
            "{\"f\": 7}",
            "{\"f\": 12.5}",
            "{\"f\": [\"abc\", \"q\"]}",
            "{\"f\": true}",
            "{\"f\": null}",
            "{\"g\": \"abc\"}",
            "{\"f\": {\"g\": [{\"h\": \"abc\"}]}}");
    /** Texts that read as numbers: the rule engine compares them with numbers as numbers. */
    private static final List<String> NUMERIC_TEXTS =
            List.of("{\"f\": \"7\"}", "{\"f\": \"12.50\"}", "{\"f\": \"10\"}");

    private static DefaultCamelContext camel;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stopCamel() throws Exception {
        camel.close();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("data.f", "eq", ConfigValue.object("v", "abc")),
                Arguments.of("data.f", "eq", ConfigValue.object("v", 7)),
                Arguments.of("data.f", "eq", ConfigValue.object("v", true)),
                Arguments.of("data.f", "ne", ConfigValue.object("v", "abc")),
                Arguments.of("data.f", "gt", ConfigValue.object("v", 7)),
                Arguments.of("data.f", "gte", ConfigValue.object("v", 7)),
                Arguments.of("data.f", "lt", ConfigValue.object("v", 12.5)),
                Arguments.of("data.f", "lte", ConfigValue.object("v", 12.5)),
                Arguments.of("data.f", "contains", ConfigValue.object("v", "b")),
                Arguments.of("data.f", "contains", ConfigValue.object("v", "q")),
                Arguments.of("data.f", "startsWith", ConfigValue.object("v", "a/")),
                Arguments.of("data.f", "matches", ConfigValue.object("v", "b.c$")),
                Arguments.of("data.f", "matches", ConfigValue.object("v", "^x")),
                Arguments.of(
                        "data.f",
                        "in",
                        ConfigValue.object(
                                "v", ConfigValue.list(new ConfigValue.Text("xyz"), new ConfigValue.Text("abc")))),
                Arguments.of("data.f", "exists", ConfigValue.object("v", true)),
                Arguments.of("data.f", "exists", ConfigValue.object("v", false)),
                Arguments.of(
                        "data.f",
                        "in",
                        ConfigValue.object(
                                "v",
                                ConfigValue.list(
                                        new ConfigValue.Num(java.math.BigDecimal.valueOf(7)),
                                        new ConfigValue.Text("q")))),
                Arguments.of("data.f.g[0].h", "eq", ConfigValue.object("v", "abc")));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("rules")
    void jsonPathDecidesLikeTheRuleEngine(String field, String op, ConfigValue.Fields holder) throws Exception {
        ConfigValue value = holder.values().get("v");
        boolean ordering = List.of("gt", "gte", "lt", "lte").contains(op);
        List<String> bodies = new ArrayList<>(BODIES);
        if (!ordering) {
            bodies.addAll(NUMERIC_TEXTS);
        }
        for (String body : bodies) {
            assertThat(camelDecides(field, op, value, body))
                    .as("%s %s %s on %s", field, op, value, body)
                    .isEqualTo(switchboardDecides(field, op, value, body));
        }
    }

    /** Why an ordering rule on a number is noted in the report: the rule engine reads "7" as 7 there, JSONPath does not. */
    @Test
    void orderingANumericTextIsWhereTheyDifferAndTheExportSaysSo() throws Exception {
        ConfigValue seven = new ConfigValue.Num(java.math.BigDecimal.valueOf(7));
        String body = "{\"f\": \"7\"}";
        assertThat(switchboardDecides("data.f", "gte", seven, body)).isTrue();
        assertThat(camelDecides("data.f", "gte", seven, body)).isFalse();

        List<ExportNote> notes = new ArrayList<>();
        RulePredicates.predicate(ruleSet("data.f", "gte", seven), export(notes), "");
        RulePredicates.predicate(ruleSet("data.f", "eq", seven), export(notes), "");
        assertThat(notes)
                .extracting(ExportNote::describe)
                .containsExactly("node r: rule data.f gte — JSONPath does not order a numeric text (\"9\") against a"
                        + " number as Switchboard does");
    }

    private static boolean switchboardDecides(String field, String op, ConfigValue value, String body)
            throws Exception {
        return RuleSet.compile(ruleSet(field, op, value), "").test(Event.create("test", "t", JSON.readTree(body)));
    }

    private static boolean camelDecides(String field, String op, ConfigValue value, String body) {
        Map<String, Object> predicate =
                RulePredicates.predicate(ruleSet(field, op, value), export(new ArrayList<>()), "");
        @SuppressWarnings("unchecked")
        String expression = ((Map<String, Object>) predicate.get("jsonpath"))
                .get("expression")
                .toString();
        JsonPathExpression camelPath = new JsonPathExpression(expression);
        camelPath.setPredicate(true);
        camelPath.setSuppressExceptions(true);
        camelPath.init(camel);
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        return camelPath.matches(exchange);
    }

    private static NodeConfig ruleSet(String field, String op, ConfigValue value) {
        return new NodeConfig(ConfigValue.object(
                "rules", ConfigValue.list(ConfigValue.object("field", field, "op", op, "value", value))));
    }

    private static NodeExport export(List<ExportNote> notes) {
        Node node = new Node("r", "filter", null, ConfigValue.Fields.EMPTY, null);
        return new NodeExport(Flow.empty("f", "f"), node, notes, new LinkedHashMap<>());
    }
}
