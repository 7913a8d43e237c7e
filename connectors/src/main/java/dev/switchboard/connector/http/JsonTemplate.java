package dev.switchboard.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.support.Template;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON document whose string values may hold look-ups; a string that is one look-up keeps the
 * value's type. Values are inserted as JSON values, so event data cannot change the structure around
 * them. Shared by {@code http.request} bodies and the SaaS actions (Slack blocks).
 */
public final class JsonTemplate {
    private final JsonNode tree;
    private final Map<String, Template> strings = new LinkedHashMap<>();

    private JsonTemplate(JsonNode tree) {
        this.tree = tree;
        collect(tree);
    }

    public static JsonTemplate of(JsonNode tree) {
        return new JsonTemplate(tree);
    }

    private void collect(JsonNode node) {
        if (node.isTextual() && node.asText().contains("{{")) {
            strings.computeIfAbsent(node.asText(), Template::parse);
        }
        node.forEach(this::collect);
    }

    public JsonNode render(Event event) {
        return render(tree, event);
    }

    private JsonNode render(JsonNode node, Event event) {
        if (node.isTextual()) {
            Template t = strings.get(node.asText());
            return t == null ? node : t.renderJson(event);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = Json.NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                copy.set(f.getKey(), render(f.getValue(), event));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = Json.NODES.arrayNode();
            array.forEach(item -> copy.add(render(item, event)));
            return copy;
        }
        return node;
    }
}
