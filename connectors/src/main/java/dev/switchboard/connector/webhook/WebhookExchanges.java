package dev.switchboard.connector.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.ingress.IngressAnswer;
import dev.switchboard.connector.ingress.IngressRequest;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.EventRejectedException;
import dev.switchboard.connector.support.Json;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Camel side of the webhook trigger: reads the request the ingress received, answers the caller. */
final class WebhookExchanges {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookExchanges.class);

    private final WebhookAuth auth;
    private final WebhookEvents events;

    WebhookExchanges(WebhookAuth auth, WebhookEvents events) {
        this.auth = auth;
        this.events = events;
    }

    /** The checks on the headers alone: they run before the ingress reads the body. */
    Optional<IngressAnswer> checkHeaders(Map<String, String> headers) {
        return auth.rejectHeaders(WebhookRequest.headersOnly(headers)).map(this::unauthorized);
    }

    /** Authenticates and parses; leaves the event as the body, or answers and stops the route. */
    void receive(Exchange exchange) {
        if (!(exchange.getIn().getBody() instanceof IngressRequest received)) {
            throw new IllegalStateException("A webhook route receives requests from the ingress, not "
                    + exchange.getIn().getBody());
        }
        WebhookRequest request = WebhookRequest.of(received.headers(), received.body());
        Optional<String> rejected = auth.reject(request);
        if (rejected.isPresent()) {
            exchange.getMessage().setBody(unauthorized(rejected.get()));
            exchange.setRouteStop(true);
            return;
        }
        Event event;
        try {
            event = events.toEvent(request);
        } catch (WebhookEvents.BadBody e) {
            exchange.getMessage().setBody(IngressAnswer.error(400, "bad_request", e.getMessage()));
            exchange.setRouteStop(true);
            return;
        }
        // nothing of the HTTP request travels on with the event but what the event holds
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(event);
    }

    private IngressAnswer unauthorized(String reason) {
        IngressAnswer answer = IngressAnswer.error(401, "unauthorized", reason);
        return auth.challenge() == null ? answer : answer.withHeader("WWW-Authenticate", auth.challenge());
    }

    static void accepted(Exchange exchange) {
        Event event = exchange.getIn().getBody(Event.class);
        ObjectNode node = Json.NODES.objectNode();
        node.put("id", event.id());
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(IngressAnswer.json(202, node.toString()));
    }

    static void rejected(Exchange exchange) {
        EventRejectedException rejected = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, EventRejectedException.class);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(IngressAnswer.rejected(rejected));
    }

    static void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn(
                "Webhook {} could not accept an event",
                exchange.getFromEndpoint().getEndpointUri(),
                cause);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage()
                .setBody(IngressAnswer.error(503, "unavailable", "The event could not be accepted now; try again later")
                        .withHeader("Retry-After", "5"));
    }
}
