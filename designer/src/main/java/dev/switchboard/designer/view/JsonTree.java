package dev.switchboard.designer.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.util.Iterator;
import java.util.Map;
import javafx.scene.control.TreeItem;

/**
 * Builds collapsible trees of JSON for the message inspector and traces: a CloudEvent shows its
 * attributes first and its data expanded below them.
 */
final class JsonTree {
    /** Deeper levels start collapsed: a large payload opens quickly and stays readable. */
    private static final int EXPANDED_DEPTH = 2;

    private JsonTree() {}

    static TreeItem<String> event(String label, Event event) {
        return event == null ? new TreeItem<>(label + ": —") : cloudEvent(label, Json.toCloudEvent(event));
    }

    /** A stored snapshot (CloudEvents JSON text, possibly truncated): a tree if it parses, else the text. */
    static TreeItem<String> snapshot(String label, String text) {
        if (text == null || text.isBlank()) {
            return new TreeItem<>(label + ": —");
        }
        try {
            JsonNode node = Json.parse(text);
            return node.isObject() && node.has("specversion") ? cloudEvent(label, node) : value(label, node, 0);
        } catch (IllegalArgumentException truncated) {
            // cut snapshots are not JSON any more: show the text as it was stored
            return new TreeItem<>(label + ": " + text);
        }
    }

    private static TreeItem<String> cloudEvent(String label, JsonNode ce) {
        TreeItem<String> root = new TreeItem<>(
                label + "  " + ce.path("type").asText() + "  " + ce.path("id").asText());
        Iterator<Map.Entry<String, JsonNode>> fields = ce.fields();
        TreeItem<String> data = null;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("data")) {
                data = value("data", f.getValue(), 1);
                data.setExpanded(true);
            } else {
                root.getChildren()
                        .add(new TreeItem<>(f.getKey() + ": " + f.getValue().asText()));
            }
        }
        if (data != null) {
            root.getChildren().add(data);
        }
        root.setExpanded(true);
        return root;
    }

    static TreeItem<String> value(String key, JsonNode node, int depth) {
        if (node.isObject()) {
            TreeItem<String> item = new TreeItem<>(key + "  {" + node.size() + "}");
            node.fields().forEachRemaining(f -> item.getChildren().add(value(f.getKey(), f.getValue(), depth + 1)));
            item.setExpanded(depth < EXPANDED_DEPTH);
            return item;
        }
        if (node.isArray()) {
            TreeItem<String> item = new TreeItem<>(key + "  [" + node.size() + "]");
            for (int i = 0; i < node.size(); i++) {
                item.getChildren().add(value(Integer.toString(i), node.get(i), depth + 1));
            }
            item.setExpanded(depth < EXPANDED_DEPTH);
            return item;
        }
        return new TreeItem<>(key + ": " + (node.isTextual() ? "\"" + node.asText() + "\"" : node.toString()));
    }
}
