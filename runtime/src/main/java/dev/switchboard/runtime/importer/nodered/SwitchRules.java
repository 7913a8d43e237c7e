package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import java.math.BigDecimal;
import java.util.List;

/**
 * One rule of a Node-RED {@code switch} as rules of the rule engine (connectors/rules): {@code eq}
 * → {@code eq}, {@code neq} → {@code ne}, {@code lt}/{@code lte}/{@code gt}/{@code gte} alike,
 * {@code btwn} → {@code gte} and {@code lte} (all must hold), {@code cont} → {@code contains},
 * {@code regex} → {@code matches} ({@code (?i)} when it ignores case), {@code true}/{@code false}
 * → {@code eq} true/false, {@code null} → {@code exists} false, {@code nnull} → {@code exists}
 * true. The rule engine compares with constants only.
 */
final class SwitchRules {
    private SwitchRules() {}

    static List<ConfigValue> convert(String field, NodeConfig rule, int number) throws Unmappable {
        String t = rule.string("t", "");
        return switch (t) {
            case "eq", "lt", "lte", "gt", "gte" -> List.of(rule(field, t, value(rule, "v", "vt", number)));
            case "neq" -> List.of(rule(field, "ne", value(rule, "v", "vt", number)));
            case "btwn" ->
                List.of(
                        rule(field, "gte", value(rule, "v", "vt", number)),
                        rule(field, "lte", value(rule, "v2", "v2t", number)));
            case "cont" -> List.of(rule(field, "contains", value(rule, "v", "vt", number)));
            case "regex" ->
                List.of(rule(
                        field,
                        "matches",
                        new ConfigValue.Text((rule.bool("case", false) ? "(?i)" : "") + rule.string("v", ""))));
            case "true" -> List.of(rule(field, "eq", new ConfigValue.Bool(true)));
            case "false" -> List.of(rule(field, "eq", new ConfigValue.Bool(false)));
            case "null" -> List.of(rule(field, "exists", new ConfigValue.Bool(false)));
            case "nnull" -> List.of(rule(field, "exists", new ConfigValue.Bool(true)));
            default ->
                throw new Unmappable(
                        "its rule " + number + " (" + t + ") has no counterpart in the rule engine's operators");
        };
    }

    private static ConfigValue rule(String field, String op, ConfigValue value) {
        return ConfigValue.object("field", field, "op", op, "value", value);
    }

    private static ConfigValue value(NodeConfig rule, String name, String typeName, int number) throws Unmappable {
        String type = rule.string(typeName, "str");
        String text = rule.string(name, "");
        switch (type) {
            case "str", "re" -> {
                return new ConfigValue.Text(text);
            }
            case "num" -> {
                try {
                    return new ConfigValue.Num(new BigDecimal(text.trim()));
                } catch (NumberFormatException e) {
                    throw new Unmappable("its rule " + number + " compares with '" + text + "', which is not a number");
                }
            }
            case "bool" -> {
                return new ConfigValue.Bool(text.equals("true"));
            }
            case "json" -> {
                try {
                    return FlowCodec.parseValue(text);
                } catch (MalformedFlowException e) {
                    throw new Unmappable("its rule " + number + " compares with JSON that does not parse");
                }
            }
            default ->
                throw new Unmappable("its rule " + number + " compares with a " + type
                        + " value; the rule engine compares with constants only");
        }
    }
}
