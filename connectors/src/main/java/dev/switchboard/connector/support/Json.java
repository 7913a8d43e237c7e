package dev.switchboard.connector.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.connector.spi.Event;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/** The one shared Jackson mapper for event data, and the CloudEvents JSON form of an {@link Event}. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {}

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event in CloudEvents structured JSON mode. */
    public static ObjectNode toCloudEvent(Event event) {
        ObjectNode node = NODES.objectNode();
        node.put("specversion", Event.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        node.put("time", event.time().toString());
        if (event.subject() != null) {
            node.put("subject", event.subject());
        }
        node.put("datacontenttype", event.dataContentType());
        event.extensions().forEach(node::put);
        node.set("data", event.data());
        return node;
    }

    /** Reads a CloudEvents structured JSON object back into an event. */
    public static Event fromCloudEvent(JsonNode node) {
        Map<String, String> ext = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            switch (f.getKey()) {
                case "specversion", "id", "source", "type", "time", "subject", "datacontenttype", "data" -> {}
                default -> ext.put(f.getKey(), f.getValue().asText());
            }
        }
        return new Event(
                node.path("id").asText(),
                node.path("source").asText(),
                node.path("type").asText(),
                node.hasNonNull("time") ? Instant.parse(node.get("time").asText()) : null,
                node.hasNonNull("subject") ? node.get("subject").asText() : null,
                node.hasNonNull("datacontenttype") ? node.get("datacontenttype").asText() : null,
                node.get("data"),
                ext);
    }
}
