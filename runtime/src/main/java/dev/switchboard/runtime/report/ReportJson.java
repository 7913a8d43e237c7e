package dev.switchboard.runtime.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.connector.support.Json;
import java.time.Instant;

/**
 * Shared by the {@code --json} outputs of {@code runs} and {@code dead-letters} (field names in
 * docs/cli.md): pretty-printed trees, every documented field present (null when it does not
 * apply), instants as ISO-8601 text.
 */
public final class ReportJson {
    public static final JsonNodeFactory NODES = Json.NODES;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static String write(JsonNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON output: " + e.getOriginalMessage(), e);
        }
    }

    public static void putInstant(ObjectNode node, String field, Instant at) {
        if (at == null) {
            node.putNull(field);
        } else {
            node.put(field, at.toString());
        }
    }

    /**
     * A stored event as JSON. Snapshots longer than {@code run --snapshot-size} are cut (and end in
     * "…(truncated)"), so they are no longer JSON: those stay text rather than being dropped.
     */
    public static JsonNode event(String stored) {
        if (stored == null) {
            return NODES.nullNode();
        }
        try {
            return Json.parse(stored);
        } catch (IllegalArgumentException notJson) {
            return TextNode.valueOf(stored);
        }
    }
}
