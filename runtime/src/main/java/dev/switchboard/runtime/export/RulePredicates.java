package dev.switchboard.runtime.export;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rule set ({@code match} + {@code rules}, shared by filter and switch) as one JSONPath filter
 * over the message body: {@code $[?(@.score > 50 && @.email =~ /.*(?:@acme\.com$).*}{@code /s)]},
 * true when the body matches. Jayway JsonPath decides as Switchboard's rule engine does, except
 * when it orders a numeric text against a number (RulePredicatesTest); that is noted per rule.
 */
final class RulePredicates {
    private RulePredicates() {}

    static Map<String, Object> predicate(NodeConfig ruleSet, NodeExport node, String where) {
        boolean any = "any".equals(ruleSet.string("match", "all"));
        List<String> conditions = new ArrayList<>();
        for (NodeConfig rule : ruleSet.objects("rules")) {
            String condition = condition(rule, node, where);
            if (condition != null) {
                conditions.add(condition);
            }
        }
        if (conditions.isEmpty()) {
            // no rule left: Switchboard's empty "all" matches everything, an empty "any" nothing
            return CamelSteps.simple(any ? "${false}" : "${true}");
        }
        return CamelSteps.jsonPath("$[?(" + String.join(any ? " || " : " && ", conditions) + ")]");
    }

    private static String condition(NodeConfig rule, NodeExport node, String where) {
        String fieldText = rule.string("field", "");
        String op = rule.string("op", "eq");
        FieldLookup field = FieldLookup.parse(fieldText);
        if (!field.isData()) {
            node.note(
                    where + "rule on " + fieldText,
                    "envelope attributes are not carried by the exported routes; the rule is left out");
            return null;
        }
        String path = field.jsonPath("@");
        ConfigValue value = rule.value("value").orElse(ConfigValue.Null.INSTANCE);
        if (value instanceof ConfigValue.Num
                && List.of("gt", "gte", "lt", "lte").contains(op)) {
            // equality and "in" coerce like the rule engine (RulePredicatesTest); ordering does not
            node.note(
                    where + "rule " + fieldText + " " + op,
                    "JSONPath does not order a numeric text (\"9\") against a number as Switchboard does");
        }
        return switch (op) {
            case "eq" -> path + " == " + literal(value);
            case "ne" -> "(" + path + " && " + path + " != " + literal(value) + ")";
            case "gt" -> path + " > " + literal(value);
            case "gte" -> path + " >= " + literal(value);
            case "lt" -> path + " < " + literal(value);
            case "lte" -> path + " <= " + literal(value);
            case "contains" -> path + " contains " + literal(value);
            case "startsWith" -> path + " =~ /" + quoteRegex(text(value)) + ".*/s";
            case "matches" -> path + " =~ /.*(?:" + text(value).replace("/", "\\/") + ").*/s";
            case "in" -> path + " in " + literal(value);
            case "exists" ->
                value instanceof ConfigValue.Bool b && !b.value()
                        ? "!(" + path + " && " + path + " != null)"
                        : "(" + path + " && " + path + " != null)";
            default -> {
                node.note(where + "rule op " + op, "unknown operator; the rule is left out");
                yield null;
            }
        };
    }

    private static String text(ConfigValue value) {
        return value instanceof ConfigValue.Text t ? t.value() : literal(value);
    }

    /** A JSONPath literal: numbers as written, text single-quoted, arrays of literals. */
    static String literal(ConfigValue value) {
        if (value instanceof ConfigValue.Num n) {
            BigDecimal d = n.value();
            return d.toPlainString();
        }
        if (value instanceof ConfigValue.Bool b) {
            return Boolean.toString(b.value());
        }
        if (value instanceof ConfigValue.Text t) {
            return "'" + t.value().replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof ConfigValue.Items items) {
            List<String> out = new ArrayList<>();
            items.values().forEach(v -> out.add(literal(v)));
            return "[" + String.join(", ", out) + "]";
        }
        return "null";
    }

    /** Every character escaped that a regular expression or the JSONPath {@code /…/} literal reads specially. */
    private static String quoteRegex(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != ' ') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
