package dev.switchboard.connector.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.RetryHint;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitConnectorTest {
    final SplitConnector connector = new SplitConnector();

    static Event event(String json) {
        return new Event("e-1", "/src", "com.example.order", null, "s", null, Json.parse(json), Map.of("tenant", "t"));
    }

    @Test
    void theFieldMustBeAPathIntoTheData() {
        assertThat(connector.validate(NodeConfig.of("field", "data.items"))).isEmpty();
        assertThat(connector.validate(NodeConfig.of("field", "data"))).isEmpty();
        assertThat(connector.validate(NodeConfig.of("field", "{{data.items}}")))
                .extracting(ConfigProblem::pointer, ConfigProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "/field", "Write the field as a path without braces, e.g. data.items, not '{{data.items}}'"));
        assertThat(connector.validate(NodeConfig.of("field", "subject")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not in the event's data"));
        assertThat(connector.validate(NodeConfig.of("field", "data..items")))
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/field"));
    }

    @Test
    void eachElementIsAnEventThatKeepsTheEnvelopeAndPointsBack() {
        List<Event> parts = new SplitParts("data.lines").of(event("{\"lines\": [{\"a\": 1}, \"x\", null]}"));

        assertThat(parts)
                .extracting(Event::data)
                .containsExactly(Json.parse("{\"a\": 1}"), Json.parse("\"x\""), Json.parse("null"));
        assertThat(parts).extracting(Event::id).doesNotContain("e-1").doesNotHaveDuplicates();
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo("/src");
            assertThat(p.type()).isEqualTo("com.example.order");
            assertThat(p.subject()).isEqualTo("s");
            assertThat(p.extensions())
                    .containsEntry("tenant", "t")
                    .containsEntry(SplitParts.CORRELATION_ID, "e-1")
                    .containsEntry(SplitParts.SIZE, "3");
        });
        assertThat(parts).extracting(p -> p.extensions().get(SplitParts.INDEX)).containsExactly("0", "1", "2");
    }

    @Test
    void anEmptyArrayMakesNoEvents() {
        assertThat(new SplitParts("data").of(event("[]"))).isEmpty();
    }

    @Test
    void aMissingNullOrOtherValueIsAnErrorThatNoRetryMends() {
        SplitParts parts = new SplitParts("data.items");

        assertThatThrownBy(() -> parts.of(event("{}")))
                .hasMessage("data.items is missing in event e-1: split needs an array there")
                .isInstanceOfSatisfying(
                        RetryHint.class, hint -> assertThat(hint.retryable()).isFalse());
        assertThatThrownBy(() -> parts.of(event("{\"items\": null}"))).hasMessageContaining("data.items is null");
        assertThatThrownBy(() -> parts.of(event("{\"items\": \"a,b\"}")))
                .hasMessageContaining("data.items is a string, not an array");
        assertThatThrownBy(() -> parts.of(event("{\"items\": {\"a\": 1}}")))
                .hasMessageContaining("data.items is an object, not an array");
    }
}
