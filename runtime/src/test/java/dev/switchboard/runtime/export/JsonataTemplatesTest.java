package dev.switchboard.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Template;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each template, as the JSONata the export writes and run by the JSONata library camel-jsonata
 * uses, gives what Switchboard's own template renders for the same data — numbers by value.
 */
class JsonataTemplatesTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> DATA = List.of(
            "{\"name\": \" Ada Lovelace \", \"email\": \"Ada@Example.COM\", \"amount\": \"12.50\", \"cents\": 4999,"
                    + " \"n\": 7, \"tags\": [\"a\", \"b\"], \"nested\": {\"x\": [{\"y\": \"deep\"}]}, \"empty\": \"\"}",
            "{\"name\": \"Bob\", \"n\": 12.5, \"nested\": {}}",
            "{}");

    static Stream<String> templates() {
        return Stream.of(
                "{{data.name}}",
                "{{data.n}}",
                "{{data.tags}}",
                "{{data.nested}}",
                "{{data.missing}}",
                "{{data.nested.x[0].y}}",
                "{{data}}",
                "{{data.name | trim}}",
                "{{data.name | upper}}",
                "{{data.email | lower}}",
                "{{data.amount | number}}",
                "{{data.cents | decimals:2}}",
                "{{data.empty | default:'n/a'}}",
                "{{data.missing | default:'n/a'}}",
                "{{data.name | trim | upper}}",
                "Hello {{data.name | trim}}, you owe {{data.n}}",
                "plain text");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void jsonataGivesWhatTheTemplateRenders(String template) throws Exception {
        List<ExportNote> notes = new ArrayList<>();
        Node node = new Node("m", "map", null, ConfigValue.Fields.EMPTY, null);
        String expression = JsonataTemplates.value(
                template, new NodeExport(Flow.empty("f", "f"), node, notes, new LinkedHashMap<>()), "t");
        Template switchboard = Template.parse(template);
        boolean single = TemplateParts.parse(template).isSingleLookup();
        for (String data : DATA) {
            Event event = Event.create("test", "t", JSON.readTree(data));
            JsonNode expected = single
                    ? switchboard.renderJson(event)
                    : JSON.getNodeFactory().textNode(switchboard.render(event));
            Object result = Jsonata.jsonata(expression).evaluate(JSON.readValue(data, Object.class));
            JsonNode actual = JSON.valueToTree(result);
            assertThat(normalised(actual))
                    .as("%s → %s on %s", template, expression, data)
                    .isEqualTo(normalised(expected));
        }
        assertThat(notes).isEmpty();
    }

    private static JsonNode normalised(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isNumber()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), normalised(e.getValue())));
            return out;
        }
        return node;
    }
}
