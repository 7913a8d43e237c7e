package dev.switchboard.runtime.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders for Camel YAML DSL steps as ordered maps, so the writer prints them in Camel's own
 * shape ({@code - to: {uri: …}}). Plain Java: only {@link CamelYamlWriter} knows YAML.
 */
final class CamelSteps {
    private CamelSteps() {}

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    static Map<String, Object> step(String name, Object definition) {
        return map(name, definition);
    }

    static Map<String, Object> to(String uri) {
        return step("to", map("uri", uri));
    }

    static Map<String, Object> to(String uri, Map<String, Object> parameters) {
        return step("to", map("uri", uri, "parameters", parameters.isEmpty() ? null : parameters));
    }

    /** A dynamic endpoint: the URI is a simple expression evaluated per message. */
    static Map<String, Object> toD(String uri, Map<String, Object> parameters) {
        return step("toD", map("uri", uri, "parameters", parameters.isEmpty() ? null : parameters));
    }

    static Map<String, Object> simple(String expression) {
        return map("simple", map("expression", expression));
    }

    static Map<String, Object> constant(String value) {
        return map("constant", map("expression", value));
    }

    /** A JSONPath predicate that is false, not failing, when the body lacks a field. */
    static Map<String, Object> jsonPath(String expression) {
        return map("jsonpath", map("expression", expression, "suppressExceptions", true));
    }

    static Map<String, Object> setHeader(String name, Map<String, Object> expression) {
        Map<String, Object> def = map("name", name);
        def.put("expression", expression);
        return step("setHeader", def);
    }

    static Map<String, Object> setVariable(String name, Map<String, Object> expression) {
        Map<String, Object> def = map("name", name);
        def.put("expression", expression);
        return step("setVariable", def);
    }

    static Map<String, Object> setBody(Map<String, Object> expression) {
        return step("setBody", map("expression", expression));
    }

    static Map<String, Object> removeHeaders(String pattern) {
        return step("removeHeaders", map("pattern", pattern));
    }

    static Map<String, Object> bodyAsText() {
        return step("convertBodyTo", map("type", "java.lang.String"));
    }

    static Map<String, Object> log(String message, String level, String logName) {
        return step("log", map("message", message, "loggingLevel", level, "logName", logName));
    }

    static Map<String, Object> filter(Map<String, Object> predicate, List<Object> steps) {
        Map<String, Object> def = map("expression", predicate);
        def.put("steps", steps);
        return step("filter", def);
    }

    static Map<String, Object> when(Map<String, Object> predicate, List<Object> steps) {
        Map<String, Object> def = map("expression", predicate);
        def.put("steps", steps);
        return def;
    }

    static Map<String, Object> choice(List<Object> whens, List<Object> otherwise) {
        Map<String, Object> def = map("when", whens);
        if (!otherwise.isEmpty()) {
            def.put("otherwise", map("steps", otherwise));
        }
        return step("choice", def);
    }

    static Map<String, Object> stop() {
        return step("stop", map());
    }
}
