package dev.switchboard.connector.saas.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.connector.http.FakeResponse;
import dev.switchboard.connector.http.HttpReply;
import dev.switchboard.connector.http.HttpRequestFailedException;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotContactConnectorTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static HttpRequestFailedException failure(HttpReply response) {
        return catchThrowableOfType(
                HttpRequestFailedException.class, () -> HubSpotContactConnector.check(response, NOW));
    }

    @Test
    void propertyNamesAndTheirTemplatesAreChecked() {
        assertThat(new HubSpotContactConnector()
                        .validate(NodeConfig.of(
                                "email",
                                "{{data.email}}",
                                "properties",
                                Map.of("first name", "x", "lastname", "{{data.x | nope}}"))))
                .extracting(ConfigProblem::pointer)
                .containsExactlyInAnyOrder("/properties/first name", "/properties/lastname");
    }

    @Test
    void aMultiStatusWhoseInputFailedIsAFailureWithHubSpotsMessage() {
        HttpRequestFailedException e = failure(FakeResponse.json(
                207,
                "{\"status\": \"COMPLETE\", \"results\": [], \"numErrors\": 1, \"errors\": [{\"status\": \"error\", "
                        + "\"category\": \"VALIDATION_ERROR\", \"message\": \"Property values were not valid\"}]}"));
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("answered 207: Property values were not valid [VALIDATION_ERROR]");
    }

    @Test
    void rateLimitsWaitForRetryAfterOrTheWindowButTheDailyLimitIsGivenUpOn() {
        HttpRequestFailedException asked = failure(
                FakeResponse.json(429, "{\"status\": \"error\", \"message\": \"slow down\"}", "Retry-After", "3"));
        assertThat(asked.retryable()).isTrue();
        assertThat(asked.retryAfter()).contains(Duration.ofSeconds(3));
        HttpRequestFailedException window = failure(FakeResponse.json(
                429,
                "{\"status\": \"error\", \"message\": \"You have reached your secondly limit.\", "
                        + "\"errorType\": \"RATE_LIMIT\", \"policyName\": \"SECONDLY\"}",
                "X-HubSpot-RateLimit-Interval-Milliseconds",
                "10000"));
        assertThat(window.retryAfter()).contains(Duration.ofSeconds(10));
        HttpRequestFailedException daily = failure(FakeResponse.json(
                429,
                "{\"status\": \"error\", \"message\": \"You have reached your daily limit.\", "
                        + "\"errorType\": \"RATE_LIMIT\", \"policyName\": \"DAILY\"}"));
        assertThat(daily.retryable()).isFalse();
        assertThat(daily).hasMessageContaining("daily limit");
    }

    @Test
    void authAndServerErrorsAreClassified() {
        HttpRequestFailedException auth = failure(FakeResponse.json(
                401,
                "{\"status\": \"error\", \"message\": \"Authentication credentials not found.\", "
                        + "\"category\": \"INVALID_AUTHENTICATION\"}"));
        assertThat(auth.retryable()).isFalse();
        assertThat(auth).hasMessageContaining("failed authentication (401)");
        assertThat(failure(FakeResponse.json(
                                403, "{\"message\": \"missing scopes\", \"category\": \"MISSING_SCOPES\"}"))
                        .retryable())
                .isFalse();
        assertThat(failure(FakeResponse.json(502, "bad gateway")).retryable()).isTrue();
    }
}
