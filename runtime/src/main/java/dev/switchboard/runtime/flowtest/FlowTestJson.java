package dev.switchboard.runtime.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.http.HttpResponses;
import dev.switchboard.connector.http.OutboundRequest;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.FieldPath;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.format.FlowCodec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where flow tests meet event data, a Jackson tree in the SPI's {@link Event}: events become plain
 * JSON values ({@link ConfigValue}) for matching, and stubs' values become event data.
 */
final class FlowTestJson {
    private FlowTestJson() {}

    /** The event as its CloudEvents JSON document. */
    static ConfigValue document(Event event) {
        return FlowCodec.toConfigValue(Json.toCloudEvent(event));
    }

    /** The value at {@code path}; empty when the event has no such field. */
    static Optional<ConfigValue> lookup(FieldPath path, Event event) {
        JsonNode found = path.lookup(event);
        return found == null || found.isMissingNode() ? Optional.empty() : Optional.of(FlowCodec.toConfigValue(found));
    }

    /**
     * A request as a JSON value: {@code method}, {@code url}, {@code headers} (as the node names
     * them) and {@code body} (parsed when its content type says JSON, else text; null for none).
     */
    static ConfigValue request(OutboundRequest request) {
        ObjectNode document = Json.NODES.objectNode();
        document.put("method", request.method());
        document.put("url", request.uri().toString());
        ObjectNode headers = document.putObject("headers");
        request.headers().forEach(headers::put);
        document.set(
                "body",
                HttpResponses.body(
                        request.body(), request.header("Content-Type").orElse("")));
        return FlowCodec.toConfigValue(document);
    }

    static Event withData(Event event, ConfigValue data) {
        return event.withData(FlowCodec.toJsonNode(data));
    }

    /** The event with {@code fields} set in its data object (a data that is no object is replaced by them). */
    static Event withMerged(Event event, ConfigValue.Fields fields) {
        ObjectNode data = event.data() instanceof ObjectNode object ? object.deepCopy() : Json.NODES.objectNode();
        fields.values().forEach((name, value) -> data.set(name, FlowCodec.toJsonNode(value)));
        return event.withData(data);
    }

    /**
     * The event with an {@code http.request}'s response as its data, shaped as that connector shapes
     * it: {@code status}, {@code headers} (lower-case names, sorted) and {@code body}.
     */
    static Event withReply(Event event, Stub.Reply reply) {
        ObjectNode data = Json.NODES.objectNode();
        data.put("status", reply.status());
        ObjectNode headers = data.putObject("headers");
        Map<String, String> sorted = new TreeMap<>();
        reply.headers().forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value));
        sorted.forEach(headers::put);
        data.set("body", FlowCodec.toJsonNode(reply.body()));
        return event.withData(data);
    }
}
