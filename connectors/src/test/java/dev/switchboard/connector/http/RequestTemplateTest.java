package dev.switchboard.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {
    static final Event EVENT = Event.create(
            "/test",
            "t",
            Json.parse(
                    "{\"id\": \"a/b?c=1\", \"name\": \"Ada \\\"A\\\" L\", \"score\": 72, \"tags\": [\"x\"], \"host\": \"api.example.com\"}"));

    static OutboundRequest render(Object... config) {
        return new RequestTemplate(NodeConfig.of(config)).render(EVENT);
    }

    @Test
    void lookUpsInTheUrlArePercentEncodedSoDataCannotChangeItsShape() {
        OutboundRequest request =
                render("method", "GET", "url", "https://api.example.com/leads/{{data.id}}?q={{data.name}}");

        assertThat(request.uri().toString())
                .isEqualTo("https://api.example.com/leads/a%2Fb%3Fc%3D1?q=Ada%20%22A%22%20L");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.body()).isNull();
        assertThat(request.header("Content-Type")).isEmpty();
    }

    @Test
    void aLookUpStartingTheUrlIsTakenAsWritten() {
        Event event = Event.create("/t", "t", Json.parse("{\"callback\": \"http://127.0.0.1:9/done\"}"));
        OutboundRequest request = new RequestTemplate(NodeConfig.of("url", "{{data.callback}}")).render(event);

        assertThat(request.uri().toString()).isEqualTo("http://127.0.0.1:9/done");
    }

    @Test
    void urlsThatAreNotHttpFailClearly() {
        Event event = Event.create("/t", "t", Json.parse("{\"callback\": \"file:///etc/passwd\"}"));
        assertThatThrownBy(() -> new RequestTemplate(NodeConfig.of("url", "{{data.callback}}")).render(event))
                .isInstanceOf(HttpRequestFailedException.class)
                .hasMessage("url 'file:///etc/passwd' is not an http or https URL");
    }

    @Test
    void withoutABodyPostSendsTheEventDataAsJson() throws Exception {
        OutboundRequest request = render("method", "POST", "url", "http://127.0.0.1/x");

        assertThat(Json.parse(body(request))).isEqualTo(EVENT.data());
        assertThat(request.header("Content-Type")).hasValue("application/json");
    }

    @Test
    void aJsonBodyKeepsValueTypesAndEscapesQuotes() throws Exception {
        OutboundRequest request = render(
                "url",
                "http://127.0.0.1/x",
                "body",
                "{\"name\": \"{{data.name}}\", \"score\": \"{{data.score}}\", \"tags\": \"{{data.tags}}\", "
                        + "\"line\": \"Lead {{data.name}} scored {{data.score}}\", \"missing\": \"{{data.nope}}\", \"n\": 1}");

        assertThat(Json.parse(body(request)))
                .isEqualTo(
                        Json.parse(
                                "{\"name\": \"Ada \\\"A\\\" L\", \"score\": 72, "
                                        + "\"tags\": [\"x\"], \"line\": \"Lead Ada \\\"A\\\" L scored 72\", \"missing\": null, \"n\": 1}"));
    }

    @Test
    void lookUpsOutsideJsonStringsAreWrittenAsJsonValues() throws Exception {
        OutboundRequest request = render(
                "url",
                "http://127.0.0.1/x",
                "body",
                "{\"score\": {{data.score}}, \"name\": {{data.name}}, \"x\": {{data.nope}}}");

        assertThat(Json.parse(body(request)))
                .isEqualTo(Json.parse("{\"score\": 72, \"name\": \"Ada \\\"A\\\" L\", \"x\": null}"));
    }

    @Test
    void formAndTextBodiesEscapeForTheirContentType() throws Exception {
        assertThat(body(render(
                        "url",
                        "http://127.0.0.1/x",
                        "contentType",
                        "application/x-www-form-urlencoded",
                        "body",
                        "name={{data.name}}&id={{data.id}}")))
                .isEqualTo("name=Ada+%22A%22+L&id=a%2Fb%3Fc%3D1");
        OutboundRequest text =
                render("url", "http://127.0.0.1/x", "contentType", "text/plain", "body", "Hi {{data.name}}!");
        assertThat(body(text)).isEqualTo("Hi Ada \"A\" L!");
        assertThat(text.header("Content-Type")).hasValue("text/plain");
    }

    @Test
    void headersAuthAndIdempotencyKeyAreSet() {
        OutboundRequest bearer = render(
                "url",
                "http://127.0.0.1/x",
                "auth",
                "bearer",
                "token",
                "t0k",
                "idempotencyKey",
                true,
                "headers",
                Map.of("X-Lead", "{{data.name | upper}}", "X-Evil", "a\r\nInjected: yes"),
                "timeout",
                "2s");
        assertThat(bearer.header("Authorization")).hasValue("Bearer t0k");
        assertThat(bearer.header("Idempotency-Key")).hasValue(EVENT.id());
        assertThat(bearer.header("X-Lead")).hasValue("ADA \"A\" L");
        assertThat(bearer.header("X-Evil")).hasValue("a  Injected: yes");
        assertThat(bearer.header("Injected")).isEmpty();
        assertThat(bearer.timeout()).isEqualTo(Duration.ofSeconds(2));

        assertThat(render("url", "http://127.0.0.1/x", "auth", "basic", "username", "u", "password", "p")
                        .header("Authorization"))
                .hasValue("Basic dTpw");
        assertThat(render("url", "http://127.0.0.1/x", "auth", "api-key", "apiKeyHeader", "X-Key", "apiKey", "k1")
                        .header("X-Key"))
                .hasValue("k1");
    }

    static String body(OutboundRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }
}
