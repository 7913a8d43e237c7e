package dev.switchboard.connector.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import org.junit.jupiter.api.Test;

class LogLineTest {
    static final Event EVENT = Event.create(
            "/hooks/orders", "com.example.order", Json.parse("{\"id\": 42, \"email\": \"Ada@Example.com\"}"));

    @Test
    void withoutAMessageSummarisesTheEventOnOneLine() {
        String line = new LogLine("").render(EVENT);
        assertThat(line)
                .isEqualTo(
                        "event " + EVENT.id()
                                + " type=com.example.order source=/hooks/orders data={\"id\":42,\"email\":\"Ada@Example.com\"}");
    }

    @Test
    void theSummaryCutsLargeData() {
        Event big = EVENT.withData(Json.NODES.textNode("x".repeat(1000)));
        assertThat(new LogLine(null).render(big)).contains("…(1002 chars)").hasSizeLessThan(400);
    }

    @Test
    void aMessageTemplateIsRendered() {
        assertThat(new LogLine("Order {{data.id}} from {{data.email | lower}}").render(EVENT))
                .isEqualTo("Order 42 from ada@example.com");
    }
}
