package dev.switchboard.connector.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetTest {
    static final Event EVENT = Event.create("/test", "com.example.lead", Json.parse("""
            { "score": 42, "scoreText": "42", "name": "Ada Lovelace", "tags": ["vip", "eu"], "country": "DE",
              "nothing": null, "flag": true, "when": "2026-11-28T10:00:00Z", "nested": { "a": 1 },
              "items": [ { "sku": "A-1" } ] }"""));

    static ConfigValue json(String text) {
        return ConfigValue.from(Json.MAPPER.convertValue(Json.parse(text), Object.class));
    }

    static ConfigValue.Fields rule(String field, String op, String valueJson) {
        ConfigValue.Fields rule = ConfigValue.object("field", field, "op", op);
        return valueJson == null || valueJson.isBlank() ? rule : rule.with("value", json(valueJson));
    }

    static RuleSet rules(String match, ConfigValue... rules) {
        return RuleSet.compile(NodeConfig.of("match", match, "rules", ConfigValue.list(rules)), "");
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            data.score      | eq         | 42                  | true
            data.score      | eq         | "42"                | true
            data.score      | eq         | 42.00               | true
            data.scoreText  | eq         | 42                  | true
            data.scoreText  | eq         | "42.0"              | false
            data.name       | eq         | "Ada Lovelace"      | true
            data.flag       | eq         | true                | true
            data.nested     | eq         | {"a": 1.0}          | true
            data.nothing    | eq         | 0                   | false
            data.missing    | eq         | 1                   | false
            type            | eq         | "com.example.lead"  | true
            data.items[0].sku | eq       | "A-1"               | true
            data.score      | ne         | 41                  | true
            data.score      | ne         | 42                  | false
            data.missing    | ne         | 1                   | false
            data.score      | gt         | 41                  | true
            data.score      | gt         | 42                  | false
            data.score      | gte        | 42                  | true
            data.score      | lt         | 43                  | true
            data.score      | lt         | 42                  | false
            data.score      | lte        | 42                  | true
            data.scoreText  | gt         | 9                   | true
            data.scoreText  | gt         | "9"                 | false
            data.name       | gt         | "Ab"                | true
            data.when       | lt         | "2026-12-01"        | true
            data.flag       | gt         | 1                   | false
            data.name       | gt         | 1                   | false
            data.missing    | lt         | 100                 | false
            data.name       | contains   | "Love"              | true
            data.name       | contains   | "love"              | false
            data.tags       | contains   | "vip"               | true
            data.tags       | contains   | "us"                | false
            data.missing    | contains   | "x"                 | false
            data.name       | startsWith | "Ada"               | true
            data.name       | startsWith | "Love"              | false
            data.score      | startsWith | 4                   | true
            data.name       | exists     |                     | true
            data.name       | exists     | true                | true
            data.missing    | exists     |                     | false
            data.missing    | exists     | false               | true
            data.nothing    | exists     | false               | true
            data.nothing    | exists     | true                | false
            data.country    | in         | ["DE", "AT"]        | true
            data.country    | in         | ["FR"]              | false
            data.score      | in         | [1, 42]             | true
            data.scoreText  | in         | [42]                | true
            data.missing    | in         | [1]                 | false
            data.name       | matches    | "^Ada\\\\s"         | true
            data.name       | matches    | "^Love"             | false
            data.name       | matches    | "(?i)lovelace$"     | true
            data.missing    | matches    | ".*"                | false
            """)
    void everyOperatorComparesAsDocumented(String field, String op, String value, boolean expected) {
        assertThat(rules("all", rule(field, op, value)).test(EVENT)).isEqualTo(expected);
    }

    @Test
    void allNeedsEveryRuleAndAnyNeedsOne() {
        ConfigValue yes = rule("data.score", "gt", "40");
        ConfigValue no = rule("data.country", "eq", "\"FR\"");
        assertThat(rules("all", yes, yes).test(EVENT)).isTrue();
        assertThat(rules("all", yes, no).test(EVENT)).isFalse();
        assertThat(rules("any", no, yes).test(EVENT)).isTrue();
        assertThat(rules("any", no, no).test(EVENT)).isFalse();
    }

    @Test
    void matchDefaultsToAll() {
        RuleSet set = RuleSet.compile(NodeConfig.of("rules", ConfigValue.list(rule("data.score", "gt", "40"))), "");
        assertThat(set.match()).isEqualTo(RuleSet.Match.ALL);
    }

    @Test
    void problemsPointAtTheRulePartThatIsWrong() {
        List<ConfigProblem> problems = new ArrayList<>();
        RuleSet set = RuleSet.read(
                NodeConfig.of(
                        "match",
                        "most",
                        "rules",
                        ConfigValue.list(
                                rule("data.a", "equals", "1"),
                                rule("data.b", "in", "\"DE\""),
                                rule("data.c", "matches", "\"([a-z\""),
                                rule("data.d", "exists", "\"yes\""),
                                rule("", "gt", "1"),
                                rule("data.e", "gt", "[1]"),
                                rule("data.f", "eq", null))),
                "/branches/3",
                problems);

        assertThat(set).isNull();
        assertThat(problems)
                .extracting(ConfigProblem::pointer)
                .containsExactly(
                        "/branches/3/match",
                        "/branches/3/rules/0/op",
                        "/branches/3/rules/1/value",
                        "/branches/3/rules/2/value",
                        "/branches/3/rules/3/value",
                        "/branches/3/rules/4/field",
                        "/branches/3/rules/5/value",
                        "/branches/3/rules/6/value");
        assertThat(problems.get(1).message()).contains("Unknown operator 'equals'", "startsWith");
        assertThat(problems.get(3).message()).startsWith("Not a valid regular expression");
    }

    @Test
    void aPathThatForgetsTheDataPrefixIsAProblemButAnExtensionIsNot() {
        List<ConfigProblem> problems = new ArrayList<>();
        RuleSet.read(
                NodeConfig.of(
                        "rules",
                        ConfigValue.list(rule("customer.email", "exists", null), rule("traceparent", "exists", null))),
                "",
                problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/rules/0/field");
            assertThat(p.message()).contains("data.customer.email");
        });
    }

    @Test
    void noRulesIsAProblem() {
        List<ConfigProblem> problems = new ArrayList<>();
        RuleSet.read(NodeConfig.of("match", "any"), "", problems);
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/rules"));
    }

    @Test
    void aBadRuleIsReportedWithItsPointer() {
        // compiling never sees it: the compiler runs the same read (through FilterConnector.validate) first
        List<ConfigProblem> problems = new ArrayList<>();
        RuleSet.read(
                NodeConfig.of("rules", List.of(java.util.Map.of("field", "data.x", "op", "matches", "value", "("))),
                "",
                problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/rules/0/value");
            assertThat(p.message()).startsWith("Not a valid regular expression");
        });
    }

    @Test
    void eventDataIsOnlyLookedUpNeverEvaluated() {
        Event hostile =
                Event.create("/test", "t", Json.parse("{\"name\": \"{{data.secret}}\", \"secret\": \"s3cr3t\"}"));
        RuleSet set = rules("all", rule("data.name", "eq", "\"{{data.secret}}\""));
        assertThat(set.test(hostile)).isTrue();
        assertThat(rules("all", rule("data.name", "eq", "\"s3cr3t\"")).test(hostile))
                .isFalse();
    }
}
