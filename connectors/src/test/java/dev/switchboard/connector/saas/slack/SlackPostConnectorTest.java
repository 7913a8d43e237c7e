package dev.switchboard.connector.saas.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.connector.http.FakeResponse;
import dev.switchboard.connector.http.HttpReply;
import dev.switchboard.connector.http.HttpRequestFailedException;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlackPostConnectorTest {
    final SlackPostConnector connector = new SlackPostConnector();

    static HttpRequestFailedException failure(HttpReply response) {
        return catchThrowableOfType(HttpRequestFailedException.class, () -> SlackPostConnector.check(response));
    }

    @Test
    void isRegisteredInTheSaasCategoryWithTheTokenSecret() {
        assertThat(ConnectorCatalog.load().find("slack.post")).containsInstanceOf(SlackPostConnector.class);
        assertThat(connector.spec().category()).isEqualTo("SaaS");
        assertThat(connector.spec().properties())
                .filteredOn(p -> p.secret())
                .extracting(p -> p.name())
                .containsExactly("token");
    }

    @Test
    void aMessageNeedsTextOrBlocksAndBlocksMustBeAJsonArray() {
        assertThat(connector.validate(NodeConfig.of("channel", "C1")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/text");
        assertThat(connector.validate(NodeConfig.of("channel", "C1", "blocks", "{\"type\": \"divider\"}")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/blocks");
        assertThat(connector.validate(NodeConfig.of("channel", "C1", "blocks", "[{\"type\": ")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/blocks");
        assertThat(connector.validate(NodeConfig.of("channel", "C1", "blocks", "[{\"type\": \"divider\"}]")))
                .isEmpty();
        assertThat(connector.validate(NodeConfig.of("channel", "C1", "text", "x", "baseUrl", "slack.com")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/baseUrl");
    }

    @Test
    void okFalseIsAFailureWithSlacksCodeRetriedOnlyForRateLimitsAndSlacksOwnErrors() {
        HttpRequestFailedException gone =
                failure(FakeResponse.json(200, "{\"ok\": false, \"error\": \"channel_not_found\"}"));
        assertThat(gone).hasMessage("Slack chat.postMessage failed: channel_not_found");
        assertThat(gone.retryable()).isFalse();
        HttpRequestFailedException scope = failure(FakeResponse.json(
                200, "{\"ok\": false, \"error\": \"missing_scope\", \"needed\": \"chat:write\", \"provided\": \"x\"}"));
        assertThat(scope).hasMessage("Slack chat.postMessage failed: missing_scope (needed scope: chat:write)");
        assertThat(scope.retryable()).isFalse();
        HttpRequestFailedException limited =
                failure(FakeResponse.json(200, "{\"ok\": false, \"error\": \"ratelimited\"}", "Retry-After", "5"));
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(failure(FakeResponse.json(200, "{\"ok\": false, \"error\": \"internal_error\"}"))
                        .retryable())
                .isTrue();
    }

    @Test
    void http429HonoursRetryAfterAnd5xxIsRetried() {
        HttpRequestFailedException limited =
                failure(FakeResponse.json(429, "{\"ok\": false, \"error\": \"ratelimited\"}", "Retry-After", "30"));
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(failure(FakeResponse.json(503, "")).retryable()).isTrue();
        assertThat(failure(FakeResponse.json(404, "")).retryable()).isFalse();
    }
}
