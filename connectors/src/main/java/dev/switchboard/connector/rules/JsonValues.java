package dev.switchboard.connector.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How rule values compare with event values. Numbers compare as exact decimals, and a text that
 * reads as a number compares numerically when the other side is a JSON number ({@code "42"} equals
 * {@code 42}, {@code "9"} is less than {@code 10}); two texts compare as text (lexicographically,
 * which also orders ISO dates correctly).
 */
final class JsonValues {
    /** Treats 1, 1.0 and 1.00 as the same number when comparing arrays or objects. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonValues() {}

    static boolean isAbsent(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull();
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (numericPair(a, b)) {
            return decimal(a).orElseThrow().compareTo(decimal(b).orElseThrow()) == 0;
        }
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        if (a.isValueNode() && b.isValueNode()) {
            return a.asText().equals(b.asText());
        }
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    /** The order of two values, or empty when they are not comparable (a text against a boolean …). */
    static OptionalInt compare(JsonNode a, JsonNode b) {
        if (numericPair(a, b)) {
            return OptionalInt.of(decimal(a).orElseThrow().compareTo(decimal(b).orElseThrow()));
        }
        if (a.isTextual() && b.isTextual()) {
            return OptionalInt.of(Integer.signum(a.textValue().compareTo(b.textValue())));
        }
        return OptionalInt.empty();
    }

    /** Numeric comparison applies when one side is a number and the other is or reads as one. */
    private static boolean numericPair(JsonNode a, JsonNode b) {
        return (a.isNumber() || b.isNumber())
                && decimal(a).isPresent()
                && decimal(b).isPresent();
    }

    static Optional<BigDecimal> decimal(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A config value as event-style JSON, so rules compare like with like. */
    static JsonNode toJson(ConfigValue value) {
        if (value instanceof ConfigValue.Text t) return Json.NODES.textNode(t.value());
        if (value instanceof ConfigValue.Num n) return Json.NODES.numberNode(n.value());
        if (value instanceof ConfigValue.Bool b) return Json.NODES.booleanNode(b.value());
        if (value instanceof ConfigValue.Items items) {
            ArrayNode array = Json.NODES.arrayNode();
            items.values().forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value instanceof ConfigValue.Fields fields) {
            ObjectNode object = Json.NODES.objectNode();
            fields.values().forEach((k, v) -> object.set(k, toJson(v)));
            return object;
        }
        return Json.NODES.nullNode();
    }
}
