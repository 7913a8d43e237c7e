package dev.switchboard.connector.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.connector.spi.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * A dotted path into an event — {@code data.customer.email}, {@code data.items[0].sku}, {@code id},
 * {@code type}. Looking a path up only reads fields: event data is never evaluated as code.
 */
public final class FieldPath {
    /** The roots every event has: its data and the CloudEvents attributes. */
    public static final List<String> ROOTS =
            List.of("data", "id", "source", "type", "time", "subject", "datacontenttype");

    private static final List<String> WELL_KNOWN_EXTENSIONS =
            List.of("error", "errornode", "traceparent", "tracestate");
    private final String text;
    private final String root;
    private final List<Object> steps; // String field names and Integer array indexes

    private FieldPath(String text, String root, List<Object> steps) {
        this.text = text;
        this.root = root;
        this.steps = steps;
    }

    public static FieldPath parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("A field path is empty");
        }
        List<Object> steps = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                addName(t, steps, name);
            } else if (c == '[') {
                if (name.length() > 0) {
                    addName(t, steps, name);
                }
                int close = t.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException(Quote.single(text) + ": '[' without ']'");
                }
                String index = t.substring(i + 1, close).trim();
                if (index.startsWith("'") || index.startsWith("\"")) {
                    steps.add(index.substring(1, index.length() - 1));
                } else {
                    try {
                        steps.add(Integer.parseInt(index));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                Quote.single(text) + ": " + Quote.single(index) + " is not an array index");
                    }
                }
                i = close;
                if (i + 1 < t.length() && t.charAt(i + 1) == '.') {
                    i++;
                }
            } else {
                name.append(c);
            }
        }
        if (name.length() > 0) {
            steps.add(name.toString());
        }
        if (steps.isEmpty() || !(steps.get(0) instanceof String first)) {
            throw new IllegalArgumentException(Quote.single(text) + " must start with a field name such as data");
        }
        return new FieldPath(t, first, List.copyOf(steps.subList(1, steps.size())));
    }

    private static void addName(String text, List<Object> steps, StringBuilder name) {
        if (name.length() == 0) {
            throw new IllegalArgumentException(Quote.single(text) + " has an empty segment");
        }
        steps.add(name.toString());
        name.setLength(0);
    }

    /** The value at this path, or a {@link MissingNode} when any step is absent. */
    public JsonNode lookup(Event event) {
        JsonNode node = rootNode(event);
        for (Object step : steps) {
            if (node == null || node.isMissingNode()) {
                return MissingNode.getInstance();
            }
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    private JsonNode rootNode(Event event) {
        return switch (root) {
            case "data" -> event.data();
            case "id" -> TextNode.valueOf(event.id());
            case "source" -> TextNode.valueOf(event.source());
            case "type" -> TextNode.valueOf(event.type());
            case "time" -> TextNode.valueOf(event.time().toString());
            case "subject" -> event.subject() == null ? MissingNode.getInstance() : TextNode.valueOf(event.subject());
            case "datacontenttype" -> TextNode.valueOf(event.dataContentType());
            default -> {
                String ext = event.extensions().get(root);
                yield ext == null ? MissingNode.getInstance() : TextNode.valueOf(ext);
            }
        };
    }

    /** True for the roots an event has: data and the CloudEvents attributes. */
    public boolean hasKnownRoot() {
        return ROOTS.contains(root);
    }

    /** The first name of the path: {@code data}, an envelope attribute, or else an extension attribute. */
    public String root() {
        return root;
    }

    /**
     * True for an extension attribute some part of Switchboard puts on events: {@code error} and
     * {@code errornode} (a node's error port), the webhook's copied headers ({@code http…}),
     * {@code kafkatopic}/{@code kafkapartition}/{@code kafkaoffset}, {@code filename}/{@code filerecord},
     * the publish/subscribe bookkeeping ({@code sb…}) and W3C trace context. Any other root still
     * reads an extension of that name, but is more likely a typo.
     */
    public static boolean isWellKnownExtension(String name) {
        return WELL_KNOWN_EXTENSIONS.contains(name)
                || name.startsWith("http")
                || name.startsWith("kafka")
                || name.startsWith("sb")
                || name.startsWith("file");
    }

    @Override
    public String toString() {
        return text;
    }
}
