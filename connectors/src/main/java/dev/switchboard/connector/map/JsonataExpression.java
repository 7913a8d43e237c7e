package dev.switchboard.connector.map;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.RetryHint;
import dev.switchboard.connector.support.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A map node's JSONata expression (dashjoin's Java port of JSONata), parsed once when the node
 * compiles and evaluated against each event as its CloudEvents JSON, so {@code data.total} reads
 * like a template's {@code {{data.total}}} and {@code id}, {@code type} and extensions can be used
 * too. The expression only ever comes from the flow file: {@code $eval}, the one function that
 * would run text (and so event data) as an expression, is refused when the flow is checked and
 * shadowed while evaluating. Every evaluation is bounded in time and nesting, checked by the
 * evaluator at every step, so a runaway expression fails its event instead of holding a thread.
 */
final class JsonataExpression {
    /** How long one evaluation may run; checked between evaluation steps (one built-in call is not cut short). */
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** How deeply evaluation may nest: non-tail recursion, deeply nested expressions. */
    static final int MAX_DEPTH = 300;

    private static final Pattern EVAL = Pattern.compile("\\$eval\\b");

    private final Jsonata expression;
    private final long timeoutMillis;
    private final int maxDepth;

    private JsonataExpression(Jsonata expression, long timeoutMillis, int maxDepth) {
        this.expression = expression;
        this.timeoutMillis = timeoutMillis;
        this.maxDepth = maxDepth;
    }

    /** Parses {@code source}; an {@link IllegalArgumentException} says what is wrong, and where. */
    static JsonataExpression parse(String source) {
        return parse(source, TIMEOUT, MAX_DEPTH);
    }

    static JsonataExpression parse(String source, Duration timeout, int maxDepth) {
        if (source.isBlank()) {
            throw new IllegalArgumentException("The JSONata expression is empty");
        }
        if (EVAL.matcher(source).find()) {
            throw new IllegalArgumentException(
                    "$eval is not available: an expression must not run text (for example from the event) as code");
        }
        Jsonata parsed;
        try {
            parsed = Jsonata.jsonata(source);
        } catch (JException e) {
            throw new IllegalArgumentException(
                    "Not a valid JSONata expression: " + e.getMessage() + " (at character " + e.getLocation() + ")");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a valid JSONata expression: " + e.getMessage());
        }
        parsed.registerFunction("eval", (Jsonata.Fn1<Object, Object>) text -> {
            throw new JException("$eval is not available in switchboard", -1);
        });
        return new JsonataExpression(parsed, timeout.toMillis(), maxDepth);
    }

    /** The expression's result for {@code event}: JSON null when it gives nothing (JSONata's undefined). */
    JsonNode evaluate(Event event) {
        Jsonata.Frame bounds = expression.createFrame();
        bounds.setRuntimeBounds(timeoutMillis, maxDepth);
        Object result;
        try {
            // a fresh frame per evaluation: the parsed expression is shared by every thread
            result = expression.evaluate(toJava(Json.toCloudEvent(event)), bounds);
        } catch (JException e) {
            throw new JsonataFailedException(
                    "The JSONata expression failed: " + e.getMessage().replaceFirst("^JSonataException ", ""), e);
        } catch (RuntimeException e) {
            throw new JsonataFailedException("The JSONata expression failed: " + e, e);
        }
        return toJson(result);
    }

    /** Event JSON as the plain Java values JSONata works on: maps, lists, strings, numbers, booleans, null. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> map.put(f.getKey(), toJava(f.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(toJava(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** A JSONata result as event data; a function (a lambda left unapplied) is not data. */
    static JsonNode toJson(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return Json.NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Json.NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.NODES.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof String text) {
            return Json.NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return Json.NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return integral(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return Json.NODES.numberNode(big);
        }
        if (value instanceof BigDecimal decimal) {
            return Json.NODES.numberNode(decimal);
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new JsonataFailedException("The JSONata expression gave " + d + ", which JSON cannot hold", null);
            }
            // JSONata numbers are doubles: 5.0 is the integer 5, as in JavaScript's JSON
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return integral((long) d);
            }
            return Json.NODES.numberNode(BigDecimal.valueOf(d));
        }
        throw new JsonataFailedException(
                "The JSONata expression gave a " + value.getClass().getSimpleName() + " (a function?), not JSON data",
                null);
    }

    /** As the event mapper reads JSON: an int where it fits, so equal data compares equal. */
    private static JsonNode integral(long value) {
        return value == (int) value ? Json.NODES.numberNode((int) value) : Json.NODES.numberNode(value);
    }

    /** An evaluation that failed: the same event would fail again, so it is not retried. */
    static final class JsonataFailedException extends RuntimeException implements RetryHint {
        JsonataFailedException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }
}
