package dev.switchboard.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.engine.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The path of a run kept without snapshots, as the {@code runs.steps} column holds it: one JSON
 * array of {@code {"node", "port", "at", "error", "warning", "policies"}}, written by {@link HistoryWriter} and read back
 * by {@link RunQueries} — one row per run instead of one per node.
 */
final class CompactSteps {
    private CompactSteps() {}

    /** {@code steps} as the column's text; {@code text} masks and cuts an error or warning message. */
    static String write(List<StepRecord> steps, UnaryOperator<String> text) {
        ArrayNode array = Json.NODES.arrayNode(steps.size());
        for (StepRecord s : steps) {
            ObjectNode step = array.addObject();
            step.put("node", s.nodeId());
            step.put("port", s.port());
            step.put("at", s.at().toString());
            if (s.error() != null) {
                step.put("error", text.apply(s.error()));
            }
            if (s.warning() != null) {
                step.put("warning", text.apply(s.warning()));
            }
            if (!s.policies().isEmpty()) {
                ArrayNode policies = step.putArray("policies");
                s.policies().forEach(policies::add);
            }
        }
        return array.toString();
    }

    private static List<String> policies(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(p -> result.add(p.asText()));
        return result;
    }

    /** The steps of run {@code runId} from the column's text (none for null), without snapshots. */
    static List<RunQueries.Step> read(String runId, String json) {
        List<RunQueries.Step> result = new ArrayList<>();
        if (json == null) {
            return result;
        }
        int n = 0;
        for (JsonNode step : Json.parse(json)) {
            result.add(new RunQueries.Step(
                    runId,
                    n++,
                    step.path("node").asText(),
                    step.path("port").isTextual() ? step.path("port").asText() : null,
                    Instant.parse(step.path("at").asText()),
                    null,
                    null,
                    step.path("error").isTextual() ? step.path("error").asText() : null,
                    step.path("warning").isTextual() ? step.path("warning").asText() : null,
                    policies(step.path("policies"))));
        }
        return result;
    }
}
