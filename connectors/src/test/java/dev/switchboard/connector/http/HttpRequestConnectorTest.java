package dev.switchboard.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestConnectorTest {
    final HttpRequestConnector connector = new HttpRequestConnector();

    @Test
    void isRegisteredAsAnActionWithSecretsMarked() {
        assertThat(ConnectorCatalog.load().find("http.request")).containsInstanceOf(HttpRequestConnector.class);
        assertThat(connector.spec().kind()).isEqualTo(ConnectorKind.ACTION);
        assertThat(connector.spec().category()).isEqualTo("Actions");
        assertThat(connector.spec().properties())
                .filteredOn(p -> p.secret())
                .extracting(p -> p.name())
                .containsExactly("token", "password", "apiKey", "clientSecret");
        assertThat(connector.spec().help())
                .contains("Retry-After")
                .contains("Idempotency-Key")
                .contains("OAuth2");
        assertThat(Json.parse(connector.spec().sampleEvent()).path("status").asInt())
                .isEqualTo(201);
    }

    @Test
    void aPlainConfigIsValid() {
        assertThat(connector.validate(NodeConfig.of(
                        "url",
                        "https://api.example.com/x/{{data.id}}",
                        "headers",
                        Map.of("X-Trace", "{{id}}"),
                        "retries",
                        0,
                        "timeout",
                        "5s")))
                .isEmpty();
        assertThat(connector.validate(NodeConfig.of("url", "{{data.callback}}")))
                .isEmpty();
    }

    @Test
    void badUrlsHeadersTemplatesAndNumbersAreReportedWithPointers() {
        // a missing url and template syntax are the generic check's (NodeConfigCheckTest in the runtime)
        assertThat(connector.validate(NodeConfig.of("url", "ftp://x")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/url");
        assertThat(connector.validate(
                        NodeConfig.of("url", "https://x", "headers", Map.of("Host", "evil", "Bad Name", "v"))))
                .extracting(ConfigProblem::pointer)
                .containsExactlyInAnyOrder("/headers/Host", "/headers/Bad Name");
        assertThat(connector.validate(NodeConfig.of("url", "https://x", "retries", 11, "timeout", "0s")))
                .extracting(ConfigProblem::pointer)
                .containsExactlyInAnyOrder("/retries", "/timeout");
        assertThat(connector.validate(
                        NodeConfig.of("url", "https://x", "headers", Map.of("X-Trace", "{{data.x | nope}}"))))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/headers/X-Trace");
    }

    @Test
    void anOAuth2TokenUrlMustBeHttp() {
        assertThat(connector.validate(NodeConfig.of(
                        "url",
                        "https://api.example.com/x",
                        "auth",
                        "oauth2",
                        "tokenUrl",
                        "https://auth.example.com/oauth/token",
                        "clientId",
                        "c",
                        "clientSecret",
                        "s")))
                .isEmpty();
        assertThat(connector.validate(NodeConfig.of(
                        "url", "https://api.example.com/x", "auth", "oauth2", "tokenUrl", "auth.example.com/token")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/tokenUrl");
    }
}
