package dev.switchboard.connector.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Camel side of the webhook trigger: reads the request, answers the caller. */
final class WebhookExchanges {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookExchanges.class);

    private final WebhookAuth auth;
    private final WebhookEvents events;

    WebhookExchanges(WebhookAuth auth, WebhookEvents events) {
        this.auth = auth;
        this.events = events;
    }

    /** Authenticates and parses; leaves the event as the body, or answers and stops the route. */
    void receive(Exchange exchange) {
        WebhookRequest request = request(exchange.getIn());
        Optional<String> rejected = auth.reject(request);
        if (rejected.isPresent()) {
            reply(exchange, 401, error("unauthorized", rejected.get()), auth.challenge());
            exchange.setRouteStop(true);
            return;
        }
        Event event;
        try {
            event = events.toEvent(request);
        } catch (WebhookEvents.BadBody e) {
            reply(exchange, 400, error("bad_request", e.getMessage()), null);
            exchange.setRouteStop(true);
            return;
        }
        // nothing of the HTTP request travels on with the event but what the event holds
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(event);
    }

    static WebhookRequest request(Message in) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (in instanceof HttpMessage http) {
            http.getRequest().headers().names().forEach(name ->
                    headers.put(name, String.join(", ", http.getRequest().headers().getAll(name))));
        } else {
            in.getHeaders().forEach((name, value) -> {
                if (value instanceof String s && !name.startsWith("Camel")) {
                    headers.put(name, s);
                }
            });
        }
        Object body = in.getBody();
        if (body instanceof Map<?, ?> form) {
            Map<String, Object> fields = new LinkedHashMap<>();
            form.forEach((k, v) -> fields.put(String.valueOf(k), v));
            return new WebhookRequest(headers, new byte[0], fields);
        }
        return new WebhookRequest(headers, body == null ? new byte[0] : in.getBody(byte[].class), null);
    }

    /** Replaces the whole message with a JSON answer, so no request header or body is echoed back. */
    static void reply(Exchange exchange, int status, String json, String challenge) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (challenge != null) {
            out.setHeader("WWW-Authenticate", challenge);
        }
        out.setBody(json.getBytes(StandardCharsets.UTF_8));
    }

    static void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("Webhook {} could not accept an event", exchange.getFromEndpoint().getEndpointUri(), cause);
        reply(exchange, 503, error("unavailable", "The event could not be accepted now; try again later"), null);
    }

    static String accepted(Event event) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("id", event.id());
        return node.toString();
    }

    static String error(String code, String message) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("error", code);
        node.put("message", message);
        return node.toString();
    }
}
