package dev.switchboard.connector.split;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.RetryHint;
import dev.switchboard.connector.support.FieldPath;
import dev.switchboard.connector.support.Quote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events one event splits into: one per element of the array at the node's field, the element
 * as its data, each with a new id and the extensions that tie it to the event it came from.
 */
final class SplitParts {
    /** CloudEvents extension: the id of the event an element was split from. */
    static final String CORRELATION_ID = "correlationid";
    /** CloudEvents extension: the element's position in the array, from 0. */
    static final String INDEX = "splitindex";
    /** CloudEvents extension: how many elements the array had. */
    static final String SIZE = "splitsize";

    private final String field;
    private final FieldPath path;

    SplitParts(String field) {
        this.field = field.trim();
        this.path = path(field);
    }

    /** The field's path; an {@link IllegalArgumentException} says what is wrong with it. */
    static FieldPath path(String field) {
        String trimmed = field.trim();
        if (trimmed.startsWith("{{")) {
            throw new IllegalArgumentException(
                    "Write the field as a path without braces, e.g. data.items, not " + Quote.single(trimmed));
        }
        FieldPath path = FieldPath.parse(trimmed);
        if (!path.root().equals("data")) {
            throw new IllegalArgumentException(Quote.single(trimmed)
                    + " is not in the event's data: an array to split is data or a field in it, e.g. data.items");
        }
        return path;
    }

    List<Event> of(Event event) {
        JsonNode array = path.lookup(event);
        if (!array.isArray()) {
            throw new NotAnArrayException(field + (array.isMissingNode() ? " is missing" : " is " + describe(array))
                    + " in event " + event.id() + ": split needs an array there");
        }
        List<Event> parts = new ArrayList<>(array.size());
        String size = Integer.toString(array.size());
        for (int i = 0; i < array.size(); i++) {
            Map<String, String> extensions = new HashMap<>(event.extensions());
            extensions.put(CORRELATION_ID, event.id());
            extensions.put(INDEX, Integer.toString(i));
            extensions.put(SIZE, size);
            parts.add(new Event(
                    Event.newId(),
                    event.source(),
                    event.type(),
                    event.time(),
                    event.subject(),
                    event.dataContentType(),
                    array.get(i),
                    extensions));
        }
        return parts;
    }

    private static String describe(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("o") ? "an " : "a ") + type + ", not an array";
    }

    /** The event has no array to split: the same event would fail again, so it is not retried. */
    static final class NotAnArrayException extends RuntimeException implements RetryHint {
        NotAnArrayException(String message) {
            super(message);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }
}
