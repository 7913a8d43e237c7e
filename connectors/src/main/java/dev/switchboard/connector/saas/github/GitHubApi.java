package dev.switchboard.connector.saas.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.http.ApiCalls;
import dev.switchboard.connector.http.HttpCaller;
import dev.switchboard.connector.http.HttpReply;
import dev.switchboard.connector.http.HttpRequestFailedException;
import dev.switchboard.connector.http.RetryAfter;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.RetryPolicy;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The GitHub REST API as {@code github.issue} and {@code github.comment} call it: a token as
 * {@code Authorization: Bearer}, the versioned media type, one POST, and GitHub's failures
 * classified — 401 is an auth failure, 403/429 with an exhausted rate limit wait until its reset
 * (or {@code retry-after}), 404 and 422 carry GitHub's {@code message} and are not retried.
 */
final class GitHubApi {
    static final String DEFAULT_BASE_URL = "https://api.github.com";
    static final String API_VERSION = "2022-11-28";
    static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final String base;
    private final String token;
    private final HttpCaller caller = new HttpCaller();

    GitHubApi(NodeConfig config) {
        this.base = ApiCalls.base(config.string("baseUrl", DEFAULT_BASE_URL));
        this.token = config.string("token", "");
    }

    static PropertySpec token() {
        return PropertySpec.builder("token", PropertyType.SECRET)
                .title("Token")
                .required()
                .placeholder("{{secret:GITHUB_TOKEN}}")
                .description("A fine-grained token (or app token) with Issues: read and write")
                .build();
    }

    static PropertySpec owner() {
        return PropertySpec.builder("owner", PropertyType.TEMPLATE)
                .title("Owner")
                .required()
                .placeholder("octo-org")
                .description("The account or organisation owning the repository")
                .build();
    }

    static PropertySpec repo() {
        return PropertySpec.builder("repo", PropertyType.TEMPLATE)
                .title("Repository")
                .required()
                .placeholder("shop")
                .build();
    }

    static PropertySpec baseUrl() {
        return PropertySpec.builder("baseUrl", PropertyType.STRING)
                .title("API base URL")
                .defaultValue(DEFAULT_BASE_URL)
                .description("GitHub Enterprise Server: https://HOST/api/v3")
                .build();
    }

    static void validate(NodeConfig config, List<ConfigProblem> problems) {
        ApiCalls.baseUrlProblem(config, "baseUrl").ifPresent(problems::add);
    }

    /** POSTs {@code body} to {@code path} (segments already encoded) and returns GitHub's answer. */
    JsonNode post(String path, ObjectNode body) {
        HttpReply response = caller.exchange(ApiCalls.jsonRequest(base + path, token)
                .setHeader("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("Content-Type", "application/json")
                .POST(ApiCalls.json(body))
                .build());
        return check("POST " + path, response, Instant.now());
    }

    static JsonNode check(String what, HttpReply response, Instant now) {
        int status = response.statusCode();
        JsonNode answer = ApiCalls.body(response);
        if (status < 300) {
            return answer;
        }
        String failed = "GitHub " + what + " answered " + status + ": " + message(answer, response);
        if (status == 401) {
            throw HttpRequestFailedException.withoutRetry(
                    "GitHub " + what + " failed authentication (401): " + message(answer, response)
                            + "; check the token",
                    status);
        }
        if (status == 403 || status == 429) {
            Optional<Duration> wait = rateLimitWait(response, now);
            if (wait.isPresent() || status == 429) {
                throw HttpRequestFailedException.retryLater(
                        "GitHub " + what + " was rate limited (" + status + "): " + message(answer, response),
                        status,
                        wait.orElse(null));
            }
            throw HttpRequestFailedException.withoutRetry(failed, status);
        }
        if (HttpRequestFailedException.isRetryable(status)) {
            throw HttpRequestFailedException.retryLater(failed, status, null);
        }
        throw HttpRequestFailedException.withoutRetry(failed, status);
    }

    /**
     * How long GitHub asks to wait: {@code retry-after}, else the time until {@code x-ratelimit-reset}
     * (epoch seconds) when {@code x-ratelimit-remaining} is 0.
     */
    static Optional<Duration> rateLimitWait(HttpReply response, Instant now) {
        Optional<Duration> retryAfter = ApiCalls.header(response, "retry-after").flatMap(v -> RetryAfter.parse(v, now));
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        if (!ApiCalls.header(response, "x-ratelimit-remaining").orElse("").equals("0")) {
            return Optional.empty();
        }
        try {
            long reset = Long.parseLong(
                    ApiCalls.header(response, "x-ratelimit-reset").orElse(""));
            Duration wait = Duration.between(now, Instant.ofEpochSecond(reset));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait.plusSeconds(1));
        } catch (NumberFormatException e) {
            return Optional.of(Duration.ofMinutes(1)); // exhausted, no readable reset: GitHub's advice
        }
    }

    /** GitHub's {@code message}, with the codes of 422 validation {@code errors}. */
    private static String message(JsonNode answer, HttpReply response) {
        if (!answer.path("message").isTextual()) {
            String excerpt = HttpCaller.excerpt(response.body());
            return excerpt.isEmpty() ? "(no body)" : excerpt.substring(2);
        }
        StringBuilder text = new StringBuilder(answer.path("message").asText());
        for (JsonNode error : answer.path("errors")) {
            text.append(error == answer.path("errors").get(0) ? " (" : "; ");
            if (error.isTextual()) {
                text.append(error.asText());
            } else {
                text.append(error.path("field").asText("?"))
                        .append(' ')
                        .append(error.path("code").asText(""));
                if (error.path("message").isTextual()) {
                    text.append(": ").append(error.path("message").asText());
                }
            }
        }
        if (answer.path("errors").size() > 0) {
            text.append(')');
        }
        return text.toString();
    }
}
