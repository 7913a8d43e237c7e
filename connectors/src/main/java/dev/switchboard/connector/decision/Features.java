package dev.switchboard.connector.decision;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.connector.support.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's {@code features}: a feature name → a template, parsed once and rendered per event to
 * numbers. A number is taken as it is, {@code true}/{@code false} become 1/0; an empty or missing
 * value, or text that is not a number, fails the event with {@link UnscorableEventException}.
 */
final class Features {
    /** What the store keeps of a feature's name. */
    static final int MAX_NAME = 200;

    private final Map<String, Template> templates;

    private Features(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** Reads {@code features}; problems go to {@code problems} and the result is null when there are any. */
    static Features read(NodeConfig config, List<ConfigProblem> problems) {
        int before = problems.size();
        Map<String, String> fields = config.stringMap("features");
        if (fields.isEmpty()) {
            problems.add(
                    new ConfigProblem("/features", "Add at least one feature, e.g. \"amount\": \"{{data.amount}}\""));
        }
        Map<String, Template> templates = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String pointer = "/features/" + escapePointer(field.getKey());
            if (field.getKey().isBlank() || field.getKey().length() > MAX_NAME) {
                problems.add(new ConfigProblem(pointer, "A feature needs a name of 1 to " + MAX_NAME + " characters"));
                continue;
            }
            try {
                Template template = Template.parse(field.getValue());
                if (template.isConstant()) {
                    problems.add(new ConfigProblem(
                            pointer,
                            "Feature '" + field.getKey() + "' is the constant " + Quote.single(field.getValue())
                                    + ": it tells one event from another only if it reads the event, e.g. "
                                    + "{{data." + field.getKey() + "}}"));
                }
                templates.put(field.getKey(), template);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(pointer, e.getMessage()));
            }
        }
        return problems.size() == before ? new Features(Map.copyOf(templates)) : null;
    }

    /** The names, in no particular order. */
    List<String> names() {
        return List.copyOf(templates.keySet());
    }

    /** The event's feature values, by name. */
    Map<String, Double> values(Event event) {
        Map<String, Double> values = new LinkedHashMap<>(templates.size() * 2);
        List<String> problems = new ArrayList<>(0);
        for (Map.Entry<String, Template> feature : templates.entrySet()) {
            String text = feature.getValue().render(event).trim();
            Double value = number(text);
            if (value == null) {
                problems.add(feature.getKey() + " (" + feature.getValue() + ") is "
                        + (text.isEmpty() ? "missing" : Quote.single(text) + ", not a number"));
            } else {
                values.put(feature.getKey(), value);
            }
        }
        if (!problems.isEmpty()) {
            throw new UnscorableEventException("Cannot score event " + event.id() + ": " + String.join("; ", problems));
        }
        return values;
    }

    private static Double number(String text) {
        if (text.equals("true")) {
            return 1.0;
        }
        if (text.equals("false")) {
            return 0.0;
        }
        if (text.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** RFC 6901: '~' and '/' in a key are written ~0 and ~1 in a pointer. */
    static String escapePointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
