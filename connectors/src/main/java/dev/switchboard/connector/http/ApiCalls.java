package dev.switchboard.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What the SaaS actions ({@code slack.post}, {@code github.*}, {@code hubspot.contact}) share with
 * {@code http.request}: JSON requests with a bearer token, sent once by {@link HttpCaller#exchange},
 * the JSON answer, and the event going on with the vendor's result beside its data. Each vendor
 * classifies its own error shapes into {@link HttpRequestFailedException}s.
 */
public final class ApiCalls {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ApiCalls() {}

    /** A problem when the base URL property {@code name} is not an http(s) URL. */
    public static Optional<ConfigProblem> baseUrlProblem(NodeConfig config, String name) {
        String url = config.string(name, "").trim();
        if (url.isEmpty() || url.toLowerCase(Locale.ROOT).matches("https?://[^/?#]+(/[^?#]*)?")) {
            return Optional.empty();
        }
        return Optional.of(new ConfigProblem("/" + name, "'" + url + "' must be an http:// or https:// URL"));
    }

    /** The base URL without a trailing slash. */
    public static String base(String url) {
        String b = url.trim();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }

    /** One path segment, percent-encoded: event data can never change the path around it. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A JSON request with {@code Authorization: Bearer <token>}; the token never appears in messages. */
    public static OutboundRequest.Builder jsonRequest(String url, String token) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw HttpRequestFailedException.withoutRetry("'" + url + "' is not a valid URL: " + e.getMessage(), 0);
        }
        OutboundRequest.Builder request = OutboundRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("User-Agent", "Switchboard")
                .header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.trim());
        }
        return request;
    }

    public static byte[] json(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The answer's body as JSON, or a missing node when it is empty or not JSON. */
    public static JsonNode body(HttpReply response) {
        JsonNode body = HttpResponses.body(
                response.body(), response.headers().firstValue("Content-Type").orElse("application/json"));
        return body == null || !body.isContainerNode() ? MissingNode.getInstance() : body;
    }

    /**
     * The event with {@code result} under {@code field} of its data; data that is not an object
     * becomes {@code {"value": <data>, field: result}}.
     */
    public static Event withResult(Event event, String field, JsonNode result) {
        ObjectNode data;
        if (event.data() instanceof ObjectNode object) {
            data = object.deepCopy();
        } else {
            data = Json.NODES.objectNode();
            if (event.data() != null && !event.data().isMissingNode()) {
                data.set("value", event.data());
            }
        }
        data.set(field, result);
        return event.withData(data);
    }

    /** A header's first value, or empty. */
    public static Optional<String> header(HttpReply response, String name) {
        return response.headers().firstValue(name).map(String::trim).filter(v -> !v.isEmpty());
    }
}
