package dev.switchboard.connector.decision;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a decision step writes what it did: a field under {@code data}, e.g. {@code
 * data.decision}; and the JSON it writes there.
 */
final class DataField {
    static final String DEFAULT_DECISION = "data.decision";
    static final String DEFAULT_LEARNED = "data.learned";

    private final List<String> path;

    private DataField(List<String> path) {
        this.path = path;
    }

    /** Reads the {@code field} property; a problem goes to {@code problems} and the result is null then. */
    static DataField read(String text, String example, List<ConfigProblem> problems) {
        List<String> segments = Arrays.stream(text.trim().split("\\.", -1)).toList();
        if (segments.size() < 2
                || !segments.get(0).equals("data")
                || segments.stream().anyMatch(String::isBlank)) {
            problems.add(new ConfigProblem(
                    "/field",
                    "'" + text + "' is not a field of the event's data: write data. and names joined by dots, e.g. "
                            + example));
            return null;
        }
        return new DataField(List.copyOf(segments.subList(1, segments.size())));
    }

    /**
     * The event with {@code value} set at this field, on a copy of its data (objects made on the
     * way). Data that is not an object cannot hold it: the event fails.
     */
    Event write(Event event, ObjectNode value) {
        if (!event.data().isObject()) {
            throw new UnscorableEventException("Cannot add data." + String.join(".", path) + " to event " + event.id()
                    + ": its data is " + event.data().getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not an object");
        }
        ObjectNode data = ((ObjectNode) event.data()).deepCopy();
        ObjectNode parent = data;
        for (String name : path.subList(0, path.size() - 1)) {
            parent = parent.get(name) instanceof ObjectNode object ? object : parent.putObject(name);
        }
        parent.set(path.get(path.size() - 1), value);
        return event.withData(data);
    }

    /** {@code {label, score, threshold, model, version, topFeatures: [{feature, value, weight, contribution}]}}. */
    static ObjectNode decision(String label, double threshold, Scored scored, List<Contribution> topFeatures) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("label", label);
        out.put("score", scored.score());
        out.put("threshold", threshold);
        out.put("model", scored.model());
        out.put("version", scored.version());
        ArrayNode top = out.putArray("topFeatures");
        for (Contribution c : topFeatures) {
            top.addObject()
                    .put("feature", c.feature())
                    .put("value", c.value())
                    .put("weight", c.weight())
                    .put("contribution", c.effect());
        }
        return out;
    }

    /** {@code {model, label, version, examples, scoreBefore, scoreAfter}}. */
    static ObjectNode learned(
            String model, boolean label, long version, long examples, double scoreBefore, double scoreAfter) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("model", model);
        out.put("label", label);
        out.put("version", version);
        out.put("examples", examples);
        out.put("scoreBefore", scoreBefore);
        out.put("scoreAfter", scoreAfter);
        return out;
    }
}
