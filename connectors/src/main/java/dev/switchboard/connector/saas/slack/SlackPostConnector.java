package dev.switchboard.connector.saas.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.http.ApiCalls;
import dev.switchboard.connector.http.HttpCaller;
import dev.switchboard.connector.http.HttpReply;
import dev.switchboard.connector.http.HttpRequestFailedException;
import dev.switchboard.connector.http.JsonTemplate;
import dev.switchboard.connector.http.RetryAfter;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Destination;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.RetryPolicy;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.support.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code slack.post}: posts a message with Slack's {@code chat.postMessage} for each event and goes
 * on with the event, Slack's {@code channel} and {@code ts} added under {@code data.slack}. Slack
 * answers most errors with HTTP 200 and {@code {"ok": false, "error": "…"}}: those fail the node
 * with Slack's error code, not retried except for rate limits and Slack's own server errors.
 */
public final class SlackPostConnector implements Connector {
    public static final String ID = "slack.post";
    public static final String DEFAULT_BASE_URL = "https://slack.com/api";

    /** Error codes another try can fix: a rate limit, and the errors Slack documents as its own failures. */
    static final Set<String> RETRYABLE_ERRORS =
            Set.of("ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.ACTION)
            .category("SaaS")
            .title("Slack: post message")
            .description("Posts a message to a Slack channel or thread for each event")
            .icon("slack")
            .outputs(PortSpec.of(PortSpec.OUT, "out", "The event, with Slack's channel and ts in data.slack"))
            .properties(
                    PropertySpec.builder("token", PropertyType.SECRET)
                            .title("Bot token")
                            .required()
                            .placeholder("{{secret:SLACK_BOT_TOKEN}}")
                            .description("A bot token (xoxb-…) with the chat:write scope")
                            .build(),
                    PropertySpec.builder("channel", PropertyType.TEMPLATE)
                            .title("Channel")
                            .required()
                            .placeholder("C0123456789")
                            .description("A channel ID (C…), or a name (#alerts) the bot is a member of")
                            .build(),
                    PropertySpec.builder("text", PropertyType.TEMPLATE)
                            .title("Text")
                            .placeholder("New order {{data.id}} from {{data.customer}}")
                            .description("The message; with blocks, the notification text")
                            .build(),
                    PropertySpec.builder("blocks", PropertyType.TEMPLATE)
                            .title("Blocks")
                            .description("Block Kit blocks: a JSON array, look-ups inside strings")
                            .build(),
                    PropertySpec.builder("threadTs", PropertyType.TEMPLATE)
                            .title("Thread ts")
                            .placeholder("{{data.slack.ts}}")
                            .description("Reply in the thread of this message ts; empty: a new message")
                            .build(),
                    PropertySpec.builder("baseUrl", PropertyType.STRING)
                            .title("API base URL")
                            .defaultValue(DEFAULT_BASE_URL)
                            .build())
            .helpResource(SlackPostConnector.class, "slack.post.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        ApiCalls.baseUrlProblem(config, "baseUrl").ifPresent(problems::add);
        String blocks = config.string("blocks", "").trim();
        if (config.string("text", "").isBlank() && blocks.isEmpty()) {
            problems.add(new ConfigProblem("/text", "a message needs text or blocks"));
        }
        if (!blocks.isEmpty()) {
            try {
                if (!Json.parse(blocks).isArray()) {
                    problems.add(new ConfigProblem("/blocks", "blocks must be a JSON array of Block Kit blocks"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem("/blocks", "blocks must be a JSON array: " + e.getMessage()));
            }
        }
        return problems;
    }

    @Override
    public Optional<RetryPolicy> defaultRetryPolicy() {
        return Optional.of(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        String url = ApiCalls.base(config.string("baseUrl", DEFAULT_BASE_URL)) + "/chat.postMessage";
        String token = config.string("token", "");
        Template channel = Template.parse(config.requireString("channel"));
        Template text = Template.parse(config.string("text", ""));
        String blocksSource = config.string("blocks", "").trim();
        JsonTemplate blocks = blocksSource.isEmpty() ? null : JsonTemplate.of(Json.parse(blocksSource));
        Template threadTs = Template.parse(config.string("threadTs", ""));
        HttpCaller caller = new HttpCaller();
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    ObjectNode message = Json.NODES.objectNode();
                    message.put("channel", channel.render(event).trim());
                    String body = text.render(event);
                    if (!body.isEmpty()) {
                        message.put("text", body);
                    }
                    if (blocks != null) {
                        message.set("blocks", blocks.render(event));
                    }
                    String thread = threadTs.render(event).trim();
                    if (!thread.isEmpty()) {
                        message.put("thread_ts", thread);
                    }
                    HttpReply response = caller.exchange(ApiCalls.jsonRequest(url, token)
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(ApiCalls.json(message))
                            .build());
                    JsonNode answer = check(response);
                    ObjectNode result = Json.NODES.objectNode();
                    result.put("channel", answer.path("channel").asText(""));
                    result.put("ts", answer.path("ts").asText(""));
                    if (!thread.isEmpty()) {
                        result.put("threadTs", thread);
                    }
                    exchange.getIn().setBody(ApiCalls.withResult(event, "slack", result));
                }),
                PortSpec.OUT);
    }

    /** Slack's answer when it says {@code ok}; otherwise the failure, classified. */
    static JsonNode check(HttpReply response) {
        int status = response.statusCode();
        JsonNode answer = ApiCalls.body(response);
        Optional<Duration> retryAfter =
                ApiCalls.header(response, "Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now()));
        if (status == 429) {
            throw HttpRequestFailedException.retryLater(
                    "Slack chat.postMessage was rate limited (429)"
                            + retryAfter
                                    .map(d -> ", retry after " + d.toSeconds() + " s")
                                    .orElse(""),
                    status,
                    retryAfter.orElse(null));
        }
        if (status >= 400 || answer.isMissingNode()) {
            String what = "Slack chat.postMessage answered " + status
                    + (answer.path("error").isTextual()
                            ? ": " + answer.path("error").asText()
                            : HttpCaller.excerpt(response.body()));
            if (HttpRequestFailedException.isRetryable(status)) {
                throw HttpRequestFailedException.retryLater(what, status, retryAfter.orElse(null));
            }
            throw HttpRequestFailedException.withoutRetry(what, status);
        }
        if (answer.path("ok").asBoolean(false)) {
            return answer;
        }
        String error = answer.path("error").asText("unknown_error");
        StringBuilder message = new StringBuilder("Slack chat.postMessage failed: ").append(error);
        if (answer.path("needed").isTextual()) {
            message.append(" (needed scope: ")
                    .append(answer.path("needed").asText())
                    .append(')');
        }
        if (RETRYABLE_ERRORS.contains(error)) {
            throw HttpRequestFailedException.retryLater(message.toString(), status, retryAfter.orElse(null));
        }
        throw HttpRequestFailedException.withoutRetry(message.toString(), status);
    }

    @Override
    public Optional<Destination> destination(NodeConfig config) {
        return Optional.of(Destination.url(config.string("baseUrl", DEFAULT_BASE_URL)));
    }
}
