package dev.switchboard.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import java.util.List;
import java.util.Locale;

/** The connector catalog as JSON, for {@code switchboard connectors --json} and outside tools. */
public final class CatalogJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CatalogJson() {}

    public static String write(List<ConnectorSpec> specs) {
        ArrayNode array = NODES.arrayNode();
        specs.forEach(s -> array.add(toJson(s)));
        try {
            return JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build()
                    .writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode toJson(ConnectorSpec s) {
        ObjectNode o = NODES.objectNode();
        o.put("id", s.id());
        o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
        o.put("category", s.category());
        o.put("title", s.title());
        o.put("description", s.description());
        o.put("icon", s.icon());
        o.put("input", s.hasInput());
        ArrayNode ports = o.putArray("outputs");
        for (PortSpec p : s.outputs()) {
            ports.addObject().put("name", p.name()).put("title", p.title()).put("description", p.description());
        }
        o.put("dynamicPorts", s.dynamicPorts());
        ArrayNode props = o.putArray("properties");
        s.properties().forEach(p -> props.add(toJson(p)));
        if (!s.sampleEvent().isEmpty()) {
            o.set("sampleEvent", parse(s.sampleEvent()));
        }
        if (!s.example().isEmpty()) {
            o.set("example", parse(s.example()));
        }
        o.put("help", s.help());
        return o;
    }

    private static ObjectNode toJson(PropertySpec p) {
        ObjectNode o = NODES.objectNode();
        o.put("name", p.name());
        o.put("title", p.title());
        o.put("type", p.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("required", p.required());
        if (p.defaultValue() != null) {
            o.set("default", FlowCodec.toJsonNode(p.defaultValue()));
        }
        if (!p.options().isEmpty()) {
            ArrayNode options = o.putArray("enum");
            p.options().forEach(options::add);
        }
        o.put("secret", p.secret());
        if (p.acceptsSecrets()) {
            o.put("acceptsSecrets", true);
        }
        o.put("description", p.description());
        if (!p.placeholder().isEmpty()) {
            o.put("placeholder", p.placeholder());
        }
        if (!p.visibleWhen().isEmpty()) {
            o.put("visibleWhen", p.visibleWhen());
        }
        if (!p.items().isEmpty()) {
            ArrayNode items = o.putArray("items");
            p.items().forEach(i -> items.add(toJson(i)));
        }
        return o;
    }

    private static JsonNode parse(String json) {
        try {
            return JsonMapper.builder().build().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return NODES.textNode(json);
        }
    }
}
