package dev.switchboard.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything of an {@code http.request} node that depends on the event, parsed once, rendered per
 * event. Public for the runtime's flow tests, which render the request a stubbed node would send.
 */
public final class RequestTemplate {
    static final Set<String> RESTRICTED_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade");
    private static final Set<String> BODYLESS_BY_DEFAULT = Set.of("GET", "DELETE");

    private final String method;
    private final TemplateText url;
    private final Map<String, TemplateText> headers = new LinkedHashMap<>();
    private final Map<String, String> fixedHeaders = new LinkedHashMap<>();
    private final String contentType;
    private final Body body;
    private final boolean idempotencyKey;
    private final Duration timeout;

    /** How the body is made from the event. */
    private interface Body {
        String render(Event event);
    }

    /** @param config a node config that passed the connector's checks */
    public RequestTemplate(NodeConfig config) {
        this.method = config.string("method", "POST").toUpperCase(Locale.ROOT);
        this.url = TemplateText.parse(config.requireString("url").trim());
        config.stringMap("headers").forEach((name, value) -> headers.put(name, TemplateText.parse(value)));
        this.contentType = config.string("contentType", "application/json").trim();
        this.body = body(config.string("body", ""), method, contentType);
        this.idempotencyKey = config.bool("idempotencyKey", false);
        this.timeout = config.duration("timeout", Duration.ofSeconds(30));
        authHeader(config).ifPresent(h -> fixedHeaders.put(h[0], h[1]));
    }

    String method() {
        return method;
    }

    private static java.util.Optional<String[]> authHeader(NodeConfig config) {
        String auth = config.string("auth", "none");
        switch (auth) {
            case "bearer":
                return java.util.Optional.of(new String[] {"Authorization", "Bearer " + config.string("token", "")});
            case "basic":
                String pair = config.string("username", "") + ":" + config.string("password", "");
                return java.util.Optional.of(new String[] {
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))
                });
            case "api-key":
                return java.util.Optional.of(
                        new String[] {config.string("apiKeyHeader", "X-API-Key"), config.string("apiKey", "")});
            default:
                return java.util.Optional.empty();
        }
    }

    private static Body body(String source, String method, String contentType) {
        String media = contentType.toLowerCase(Locale.ROOT);
        boolean json = media.startsWith("application/json") || media.contains("+json");
        if (source.isBlank()) {
            return BODYLESS_BY_DEFAULT.contains(method)
                    ? null
                    : event -> event.data().toString();
        }
        if (json) {
            JsonNode tree = parsesAsJson(source);
            if (tree != null) {
                // the body is JSON with look-ups inside strings: render the tree, so values keep their JSON types
                JsonTemplate template = JsonTemplate.of(tree);
                return event -> template.render(event).toString();
            }
            TemplateText text = TemplateText.parse(source);
            return event -> text.render(event, (value, first) -> value.isMissingNode() ? "null" : value.toString());
        }
        TemplateText text = TemplateText.parse(source);
        if (media.startsWith("application/x-www-form-urlencoded")) {
            return event -> text.render(event, TemplateText.of(v -> URLEncoder.encode(v, StandardCharsets.UTF_8)));
        }
        return event -> text.render(event, TemplateText.plain());
    }

    private static JsonNode parsesAsJson(String source) {
        try {
            JsonNode node = Json.MAPPER.readTree(source);
            return node != null && node.isContainerNode() ? node : null;
        } catch (java.io.IOException e) {
            return null; // not JSON as written (look-ups outside strings): rendered as text with JSON-escaped values
        }
    }

    /**
     * The request for {@code event}.
     *
     * @throws HttpRequestFailedException (not retryable) when the rendered URL is no http or https URL
     */
    public OutboundRequest render(Event event) {
        String target = url.render(
                event,
                (value, first) -> first
                        ? TemplateText.text(value)
                        : URLEncoder.encode(TemplateText.text(value), StandardCharsets.UTF_8)
                                .replace("+", "%20"));
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            throw HttpRequestFailedException.withoutRetry(
                    "url '" + target + "' is not a valid URL: " + e.getMessage(), 0);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw HttpRequestFailedException.withoutRetry("url '" + target + "' is not an http or https URL", 0);
        }
        OutboundRequest.Builder request =
                OutboundRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "Switchboard");
        String payload = body == null ? null : body.render(event);
        if (payload != null) {
            request.header("Content-Type", contentType);
        }
        fixedHeaders.forEach(request::setHeader);
        if (idempotencyKey) {
            request.setHeader("Idempotency-Key", event.id());
        }
        headers.forEach((name, value) -> request.setHeader(
                name,
                value.render(event, TemplateText.plain()).replace('\r', ' ').replace('\n', ' ')));
        request.method(method, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8));
        return request.build();
    }
}
