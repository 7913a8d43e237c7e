package dev.switchboard.connector.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.support.Template;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compiled form of a map node: output paths with the template that fills each, or one JSONata
 * expression, applied to every event to build its new data. Templates and the expression are
 * parsed once, here.
 */
final class Mapping {
    enum Mode {
        REPLACE,
        MERGE
    }

    static final String JSONATA = "jsonata";

    private record Assignment(List<String> path, Template template) {}

    private final List<Assignment> assignments;
    /** Null when the node maps with {@code fields}. */
    private final JsonataExpression expression;

    private final Mode mode;
    private final String type;

    private Mapping(List<Assignment> assignments, JsonataExpression expression, Mode mode, String type) {
        this.assignments = List.copyOf(assignments);
        this.expression = expression;
        this.mode = mode;
        this.type = type;
    }

    /** Reads a map node's config; problems go to {@code problems} and the result is null when there are any. */
    static Mapping read(NodeConfig config, List<ConfigProblem> problems) {
        int before = problems.size();
        Map<String, String> fields = config.stringMap("fields");
        JsonataExpression expression = null;
        if (config.has(JSONATA)) {
            if (!fields.isEmpty()) {
                problems.add(new ConfigProblem(
                        "/" + JSONATA, "Give either fields or a jsonata expression, not both: remove one of them"));
            }
            try {
                expression = JsonataExpression.parse(config.string(JSONATA, ""));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem("/" + JSONATA, e.getMessage()));
            }
        } else if (fields.isEmpty()) {
            problems.add(new ConfigProblem(
                    "/fields",
                    "Add at least one output field, e.g. \"customer.email\": \"{{data.email | lower}}\", "
                            + "or give a jsonata expression instead"));
        }
        List<Assignment> assignments = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String pointer = "/fields/" + escapePointer(field.getKey());
            List<String> path = outputPath(field.getKey());
            if (path == null) {
                problems.add(new ConfigProblem(
                        pointer,
                        "'" + field.getKey()
                                + "' is not an output path: use names joined by dots, e.g. customer.email"));
                continue;
            }
            for (Assignment earlier : assignments) {
                if (isPrefix(earlier.path(), path) || isPrefix(path, earlier.path())) {
                    problems.add(new ConfigProblem(
                            pointer,
                            "'" + field.getKey() + "' and '" + String.join(".", earlier.path())
                                    + "' overlap: one would overwrite the other"));
                }
            }
            try {
                assignments.add(new Assignment(path, Template.parse(field.getValue())));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(pointer, e.getMessage()));
            }
        }
        String modeText = config.string("mode", "replace");
        Mode mode = null;
        if (modeText.equals("replace")) {
            mode = Mode.REPLACE;
        } else if (modeText.equals("merge")) {
            mode = Mode.MERGE;
        } else {
            problems.add(new ConfigProblem("/mode", "mode is '" + modeText + "'; expected replace or merge"));
        }
        String type = config.string("type").map(String::trim).orElse("");
        return problems.size() == before
                ? new Mapping(assignments, expression, mode, type.isEmpty() ? null : type)
                : null;
    }

    /** The event with its new data (and type, if set); id, source and time stay, so lineage does. */
    Event apply(Event event) {
        JsonNode data = expression != null ? evaluate(event) : fill(event);
        return new Event(
                event.id(),
                event.source(),
                type == null ? event.type() : type,
                event.time(),
                event.subject(),
                event.dataContentType(),
                data,
                event.extensions());
    }

    private ObjectNode fill(Event event) {
        ObjectNode data = mode == Mode.MERGE && event.data().isObject()
                ? ((ObjectNode) event.data()).deepCopy()
                : Json.NODES.objectNode();
        for (Assignment assignment : assignments) {
            JsonNode value = assignment.template().renderJson(event);
            set(data, assignment.path(), value.isContainerNode() ? value.deepCopy() : value);
        }
        return data;
    }

    /** The expression's result is the new data (replace), or its fields are set on a copy of the data (merge). */
    private JsonNode evaluate(Event event) {
        JsonNode result = expression.evaluate(event);
        if (mode == Mode.REPLACE) {
            return result;
        }
        if (!result.isObject()) {
            throw new JsonataExpression.JsonataFailedException(
                    "mode merge needs the JSONata expression to give an object; it gave "
                            + (result.isNull() ? "nothing" : kind(result)),
                    null);
        }
        if (!event.data().isObject()) {
            return result;
        }
        ObjectNode merged = ((ObjectNode) event.data()).deepCopy();
        merged.setAll((ObjectNode) result);
        return merged;
    }

    private static String kind(JsonNode value) {
        String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }

    /** Sets a nested field, creating objects on the way (and replacing non-objects that are in the way). */
    private static void set(ObjectNode root, List<String> path, JsonNode value) {
        ObjectNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode child = parent.get(path.get(i));
            parent = child instanceof ObjectNode object ? object : parent.putObject(path.get(i));
        }
        parent.set(path.get(path.size() - 1), value);
    }

    private static List<String> outputPath(String key) {
        String trimmed = key.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        List<String> segments =
                Arrays.stream(trimmed.split("\\.", -1)).map(String::trim).toList();
        return segments.stream().anyMatch(String::isEmpty) ? null : segments;
    }

    private static boolean isPrefix(List<String> shorter, List<String> longer) {
        return shorter.size() <= longer.size()
                && longer.subList(0, shorter.size()).equals(shorter);
    }

    /** RFC 6901: '~' and '/' in a key are written ~0 and ~1 in a pointer. */
    static String escapePointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
