package dev.switchboard.connector.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

/** Turns the Kafka record on an exchange into the CloudEvent the flow sees. */
final class RecordToEvent implements Processor {
    private final String source;
    private final boolean jsonKey;
    private final String valueFormat;

    RecordToEvent(String source, String keyFormat, String valueFormat) {
        this.source = source;
        this.jsonKey = "json".equals(keyFormat);
        this.valueFormat = valueFormat;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        String topic = in.getHeader(KafkaConstants.TOPIC, String.class);
        Integer partition = in.getHeader(KafkaConstants.PARTITION, Integer.class);
        Long offset = in.getHeader(KafkaConstants.OFFSET, Long.class);
        Long timestamp = in.getHeader(KafkaConstants.TIMESTAMP, Long.class);
        String key = in.getHeader(KafkaConstants.KEY, String.class);
        String value = in.getBody(String.class);
        String where = topic + "-" + partition + "-" + offset;

        Map<String, String> extensions = new LinkedHashMap<>();
        extensions.put("kafkatopic", topic);
        extensions.put("kafkapartition", String.valueOf(partition));
        extensions.put("kafkaoffset", String.valueOf(offset));
        String subject = key == null ? null : jsonKey ? keyText(key, where) : key;
        Instant time = timestamp == null ? Instant.now() : Instant.ofEpochMilli(timestamp);

        Event event;
        if ("cloudevent".equals(valueFormat)) {
            Event inner = Json.fromCloudEvent(parse(value, where));
            extensions.putAll(inner.extensions());
            event = new Event(
                    inner.id(),
                    inner.source(),
                    inner.type(),
                    inner.time(),
                    inner.subject() != null ? inner.subject() : subject,
                    inner.dataContentType(),
                    inner.data(),
                    extensions);
        } else {
            JsonNode data =
                    "text".equals(valueFormat) ? TextNode.valueOf(value == null ? "" : value) : parse(value, where);
            event = new Event(
                    where,
                    source,
                    KafkaConsumeConnector.TYPE,
                    time,
                    subject,
                    "text".equals(valueFormat) ? "text/plain" : "application/json",
                    data,
                    extensions);
        }
        in.setBody(event);
    }

    private static JsonNode parse(String value, String where) {
        if (value == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        try {
            return Json.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Kafka record " + where + ": " + e.getMessage()
                            + " (set valueFormat to text to take values as they are)",
                    e);
        }
    }

    /** A JSON key becomes the subject as compact JSON text (a string key loses its quotes). */
    private static String keyText(String key, String where) {
        JsonNode node = parse(key, where);
        return node.isTextual() ? node.asText() : node.toString();
    }
}
