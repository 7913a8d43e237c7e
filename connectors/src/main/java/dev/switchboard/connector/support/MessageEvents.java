package dev.switchboard.connector.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.connector.spi.Event;
import java.time.Instant;
import java.util.Map;

/**
 * Turns a broker message body into an event and an event into a message body, the same way for
 * JMS, AMQP and MQTT: a CloudEvent in structured JSON mode is taken as it is (so an event sent by
 * one flow arrives unchanged in another), other JSON becomes the event's data, and anything else
 * arrives as a text value with content type text/plain.
 */
public final class MessageEvents {
    public static final String BODY_DATA = "data";
    public static final String BODY_CLOUDEVENT = "cloudevent";

    private MessageEvents() {}

    /**
     * @param messageId the broker's id for the message (becomes the event id); null for a fresh one
     * @param subject where the message came from (queue, topic), the CloudEvents {@code subject}
     */
    public static Event toEvent(
            String body, String messageId, String source, String type, String subject, Instant time) {
        JsonNode json = tryParse(body);
        if (json != null && isCloudEvent(json)) {
            return Json.fromCloudEvent(json);
        }
        String id = messageId == null || messageId.isBlank() ? Event.newId() : messageId;
        if (json != null) {
            return new Event(id, source, type, time, subject, "application/json", json, Map.of());
        }
        return new Event(
                id, source, type, time, subject, "text/plain", TextNode.valueOf(body == null ? "" : body), Map.of());
    }

    /** The message body for an event: its data as JSON, or the whole CloudEvent. */
    public static String toBody(Event event, String mode) {
        if (BODY_CLOUDEVENT.equals(mode)) {
            return Json.write(Json.toCloudEvent(event));
        }
        JsonNode data = event.data();
        // a text value goes out as the plain text, so a text message round-trips unchanged
        return data.isTextual() ? data.asText() : Json.write(data);
    }

    private static boolean isCloudEvent(JsonNode json) {
        return json.isObject()
                && json.path("specversion").isTextual()
                && json.path("id").isTextual()
                && json.path("source").isTextual()
                && json.path("type").isTextual();
    }

    private static JsonNode tryParse(String body) {
        if (body == null) {
            return null;
        }
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        char first = trimmed.charAt(0);
        boolean looksLikeJson = first == '{'
                || first == '['
                || first == '"'
                || first == '-'
                || Character.isDigit(first)
                || trimmed.equals("true")
                || trimmed.equals("false")
                || trimmed.equals("null");
        if (!looksLikeJson) {
            return null;
        }
        try {
            return Json.parse(trimmed);
        } catch (IllegalArgumentException notJson) {
            return null; // a text that only looks like JSON stays text
        }
    }
}
