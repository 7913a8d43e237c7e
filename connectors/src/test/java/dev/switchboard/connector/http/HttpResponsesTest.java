package dev.switchboard.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.support.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {
    @Test
    void jsonBodiesAreParsedOthersKeptAsText() {
        assertThat(HttpResponses.body("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8"))
                .isEqualTo(Json.parse("{\"a\": 1}"));
        assertThat(HttpResponses.body("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "application/problem+json"))
                .isEqualTo(Json.parse("{\"a\": 1}"));
        assertThat(HttpResponses.body("<html/>".getBytes(StandardCharsets.UTF_8), "text/html")
                        .asText())
                .isEqualTo("<html/>");
        assertThat(HttpResponses.body("not json".getBytes(StandardCharsets.UTF_8), "application/json")
                        .asText())
                .isEqualTo("not json");
        assertThat(HttpResponses.body(new byte[0], "application/json").isNull()).isTrue();
        assertThat(HttpResponses.body(
                                "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), "text/plain; charset=ISO-8859-1")
                        .asText())
                .isEqualTo("caf\u00e9");
    }
}
