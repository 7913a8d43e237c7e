package dev.switchboard.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageEventsTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void jsonBodyBecomesTheEventDataWithTheBrokerMessageId() {
        Event event = MessageEvents.toEvent("{\"n\": 1}", "ID:42", "/src", "t", "queue/q", NOW);
        assertThat(event.id()).isEqualTo("ID:42");
        assertThat(event.data().path("n").asInt()).isEqualTo(1);
        assertThat(event.subject()).isEqualTo("queue/q");
        assertThat(event.time()).isEqualTo(NOW);
        assertThat(event.dataContentType()).isEqualTo("application/json");
    }

    @Test
    void cloudEventBodyIsTakenAsItIs() {
        Event original = Event.create("/elsewhere", "com.example.thing", Json.parse("{\"a\": [1, 2]}"));
        String body = MessageEvents.toBody(original, MessageEvents.BODY_CLOUDEVENT);

        Event event = MessageEvents.toEvent(body, "ID:1", "/src", "t", "queue/q", NOW);

        assertThat(event.id()).isEqualTo(original.id());
        assertThat(event.source()).isEqualTo("/elsewhere");
        assertThat(event.type()).isEqualTo("com.example.thing");
        assertThat(event.data()).isEqualTo(original.data());
    }

    @Test
    void textThatIsNotJsonArrivesAsPlainText() {
        Event event = MessageEvents.toEvent("{not json", null, "/src", "t", null, NOW);
        assertThat(event.data().asText()).isEqualTo("{not json");
        assertThat(event.dataContentType()).isEqualTo("text/plain");
        assertThat(event.id()).isNotBlank();
    }

    @Test
    void textDataGoesOutAsPlainTextAndObjectsAsJson() {
        assertThat(MessageEvents.toBody(Event.create("/s", "t", Json.parse("\"hello\"")), MessageEvents.BODY_DATA))
                .isEqualTo("hello");
        assertThat(MessageEvents.toBody(Event.create("/s", "t", Json.parse("{\"a\":1}")), MessageEvents.BODY_DATA))
                .isEqualTo("{\"a\":1}");
    }
}
