package dev.switchboard.connector.saas.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.connector.http.FakeResponse;
import dev.switchboard.connector.http.HttpReply;
import dev.switchboard.connector.http.HttpRequestFailedException;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GitHubApiTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static HttpRequestFailedException failure(HttpReply response) {
        return catchThrowableOfType(
                HttpRequestFailedException.class, () -> GitHubApi.check("POST /repos/o/r/issues", response, NOW));
    }

    @Test
    void anExhaustedRateLimitWaitsUntilItsReset() {
        HttpRequestFailedException e = failure(FakeResponse.json(
                403,
                "{\"message\": \"API rate limit exceeded for user ID 1.\"}",
                "x-ratelimit-remaining",
                "0",
                "x-ratelimit-reset",
                Long.toString(NOW.getEpochSecond() + 60)));
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(61));
        assertThat(e)
                .hasMessage(
                        "GitHub POST /repos/o/r/issues was rate limited (403): API rate limit exceeded for user ID 1.");
    }

    @Test
    void aSecondaryRateLimitWaitsForRetryAfter() {
        HttpRequestFailedException e = failure(FakeResponse.json(
                429, "{\"message\": \"You have exceeded a secondary rate limit.\"}", "retry-after", "30"));
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void aResetMoreThanAnHourAwayIsGivenUpOn() {
        HttpRequestFailedException e = failure(FakeResponse.json(
                403,
                "{\"message\": \"API rate limit exceeded\"}",
                "x-ratelimit-remaining",
                "0",
                "x-ratelimit-reset",
                Long.toString(NOW.getEpochSecond() + 7200)));
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void forbiddenWithoutARateLimitAuthNotFoundAndValidationAreNotRetried() {
        assertThat(failure(FakeResponse.json(403, "{\"message\": \"Resource not accessible by integration\"}"))
                        .retryable())
                .isFalse();
        HttpRequestFailedException auth = failure(FakeResponse.json(401, "{\"message\": \"Bad credentials\"}"));
        assertThat(auth.retryable()).isFalse();
        assertThat(auth).hasMessageContaining("failed authentication (401): Bad credentials");
        assertThat(failure(FakeResponse.json(404, "{\"message\": \"Not Found\"}"))
                        .retryable())
                .isFalse();
        HttpRequestFailedException invalid = failure(FakeResponse.json(
                422,
                "{\"message\": \"Validation Failed\", \"errors\": [{\"resource\": \"Issue\", \"field\": \"title\", "
                        + "\"code\": \"missing_field\"}, \"labels must be strings\"]}"));
        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid)
                .hasMessage("GitHub POST /repos/o/r/issues answered 422: Validation Failed "
                        + "(title missing_field; labels must be strings)");
        assertThat(failure(FakeResponse.json(502, "")).retryable()).isTrue();
    }

    @Test
    void labelsAreAListOrCommaSeparated() {
        assertThat(GitHubIssueConnector.labels(dev.switchboard.connector.support.Json.parse("[\"a\", \" b \", \"\"]"))
                        .toString())
                .isEqualTo("[\"a\",\"b\"]");
        assertThat(GitHubIssueConnector.labels(com.fasterxml.jackson.databind.node.TextNode.valueOf("bug, , ship"))
                        .toString())
                .isEqualTo("[\"bug\",\"ship\"]");
    }

    @Test
    void aLiteralIssueNumberAndTheBaseUrlAreChecked() {
        assertThat(new GitHubCommentConnector()
                        .validate(NodeConfig.of("number", "abc", "baseUrl", "ftp://x", "body", "b")))
                .extracting(ConfigProblem::pointer)
                .containsExactlyInAnyOrder("/number", "/baseUrl");
        assertThat(new GitHubCommentConnector().validate(NodeConfig.of("number", "{{data.n}}", "body", "b")))
                .isEmpty();
    }
}
