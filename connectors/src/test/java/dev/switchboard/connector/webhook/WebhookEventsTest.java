package dev.switchboard.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookEventsTest {
    final WebhookEvents events = new WebhookEvents(
            "/switchboard/flows/f/hook", "dev.switchboard.webhook.received", "/hooks/leads", "X-Signature-256");

    static WebhookRequest request(String contentType, String body) {
        return WebhookRequest.of(
                contentType == null ? Map.of() : Map.of("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonBodiesBecomeTheData() throws Exception {
        Event event = events.toEvent(request("application/json; charset=utf-8", "{\"score\": 72.50}"));

        assertThat(event.data()).isEqualTo(Json.parse("{\"score\": 72.50}"));
        assertThat(event.data().path("score").decimalValue()).isEqualByComparingTo("72.50");
        assertThat(event.type()).isEqualTo("dev.switchboard.webhook.received");
        assertThat(event.subject()).isEqualTo("/hooks/leads");
        assertThat(event.source()).isEqualTo("/switchboard/flows/f/hook");
        assertThat(events.toEvent(request(null, "[1, 2]")).data()).isEqualTo(Json.parse("[1, 2]"));
        assertThat(events.toEvent(request("application/cloudevents+json", "{}")).data())
                .isEqualTo(Json.parse("{}"));
    }

    @Test
    void invalidJsonIsABadBodyWithTheParserReason() {
        assertThatThrownBy(() -> events.toEvent(request("application/json", "{\"a\": }")))
                .isInstanceOf(WebhookEvents.BadBody.class)
                .hasMessageStartingWith("The body is not valid JSON: Unexpected character ('}'");
    }

    @Test
    void textIsWrappedAsAStringAndEmptyBodiesAreNull() throws Exception {
        assertThat(events.toEvent(request("text/plain", "hello <b>")).data().asText())
                .isEqualTo("hello <b>");
        assertThat(events.toEvent(request("application/xml", "<a/>")).data().asText())
                .isEqualTo("<a/>");
        assertThat(events.toEvent(request("text/plain; charset=ISO-8859-1", "x"))
                        .data()
                        .isTextual())
                .isTrue();
        assertThat(events.toEvent(request("application/json", "")).data().isNull())
                .isTrue();
    }

    @Test
    void formFieldsBecomeAnObjectReadFromTheRawBody() throws Exception {
        Event event = events.toEvent(request(
                "application/x-www-form-urlencoded; charset=UTF-8", "name=Ada+L%C3%B6velace&tag=a&tag=b&empty=&flag"));

        assertThat(event.data())
                .isEqualTo(Json.parse(
                        "{\"name\": \"Ada Lövelace\", \"tag\": [\"a\", \"b\"], \"empty\": \"\", \"flag\": \"\"}"));
        assertThat(events.toEvent(request("application/x-www-form-urlencoded", ""))
                        .data())
                .isEqualTo(Json.parse("{}"));
    }

    @Test
    void aFormBodyWithBrokenEscapesIsABadBody() {
        assertThatThrownBy(() -> events.toEvent(request("application/x-www-form-urlencoded", "name=%zz")))
                .isInstanceOf(WebhookEvents.BadBody.class)
                .hasMessageStartingWith("The body is not valid form data");
    }

    @Test
    void usefulHeadersBecomeExtensionsButCredentialsNever() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "GitHub-Hookshot/abc");
        headers.put("X-GitHub-Event", "push");
        headers.put("X-Signature-256", "sha256=00");
        headers.put("X-Hub-Signature", "sha1=00");
        headers.put("Authorization", "Bearer x");
        headers.put("Cookie", "s=1");
        headers.put("X-Api-Key", "k");
        headers.put("X-Auth-Token", "t");
        headers.put("X-Forwarded-For", "10.0.0.1");
        headers.put("Accept", "*/*");
        headers.put("Idempotency-Key", "evt-1");

        Event event = events.toEvent(WebhookRequest.of(headers, "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(event.extensions())
                .containsOnly(
                        Map.entry("httpcontenttype", "application/json"),
                        Map.entry("httpuseragent", "GitHub-Hookshot/abc"),
                        Map.entry("httpxgithubevent", "push"),
                        Map.entry("httpidempotencykey", "evt-1"));
    }
}
