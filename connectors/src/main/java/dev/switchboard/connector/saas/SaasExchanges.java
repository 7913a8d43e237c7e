package dev.switchboard.connector.saas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.ingress.IngressAnswer;
import dev.switchboard.connector.ingress.IngressRequest;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.EventRejectedException;
import dev.switchboard.connector.support.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel side of a SaaS trigger: the vendor's signature on the raw request, then its reader,
 * then the redelivery check; answers the vendor. Refused calls (401, 400) and calls answered without
 * a run (pings, repeats, ignored types) store nothing.
 */
final class SaasExchanges {
    private static final Logger LOG = LoggerFactory.getLogger(SaasExchanges.class);
    private static final String DELIVERY_ID = "sb.saas.delivery";

    private final SignatureScheme scheme;
    private final DeliveryReader reader;
    private final Redeliveries redeliveries;
    private final String source;
    private final String subject;

    SaasExchanges(
            SignatureScheme scheme, DeliveryReader reader, Redeliveries redeliveries, String source, String subject) {
        this.scheme = scheme;
        this.reader = reader;
        this.redeliveries = redeliveries;
        this.source = source;
        this.subject = subject;
    }

    /** Runs on the headers alone, before the ingress reads the body. */
    Optional<IngressAnswer> checkHeaders(Map<String, String> headers) {
        return scheme.rejectHeaders(headers).map(SaasExchanges::unauthorized);
    }

    void receive(Exchange exchange) {
        if (!(exchange.getIn().getBody() instanceof IngressRequest request)) {
            throw new IllegalStateException("A SaaS trigger receives requests from the ingress, not "
                    + exchange.getIn().getBody());
        }
        Optional<String> rejected = scheme.reject(request);
        if (rejected.isPresent()) {
            stop(exchange, unauthorized(rejected.get()));
            return;
        }
        Delivery delivery;
        try {
            JsonNode body = Json.parse(request.body());
            if (body == null || body.isMissingNode()) {
                throw new Delivery.Malformed("The body is empty: expected the vendor's JSON event");
            }
            delivery = reader.read(request, body);
        } catch (IllegalArgumentException e) {
            stop(exchange, IngressAnswer.error(400, "bad_request", "The body is not JSON (send application/json)"));
            return;
        } catch (Delivery.Malformed e) {
            stop(exchange, IngressAnswer.error(400, "bad_request", e.getMessage()));
            return;
        }
        if (delivery instanceof Delivery.Answer answer) {
            stop(exchange, answer.answer());
            return;
        }
        Delivery.Run run = (Delivery.Run) delivery;
        Redeliveries.Claim claim = redeliveries.claim(run.id());
        if (claim == Redeliveries.Claim.IN_FLIGHT) {
            // the first copy may still fail: the vendor must try again rather than believe this one succeeded
            stop(
                    exchange,
                    IngressAnswer.error(409, "in_progress", "Delivery " + run.id() + " is being accepted; try again")
                            .withHeader("Retry-After", "5"));
            return;
        }
        if (claim == Redeliveries.Claim.SEEN) {
            ObjectNode node = Json.NODES.objectNode();
            node.put("id", run.id());
            node.put("duplicate", true);
            stop(exchange, IngressAnswer.json(200, node.toString()));
            return;
        }
        // released in accepted() once remembered, or in failed(): not on completion, which the inbox's
        // hand-over can move to the run itself, and which may come before accepted() remembered the id
        exchange.setProperty(DELIVERY_ID, run.id());
        exchange.getIn().removeHeaders("*");
        exchange.getIn()
                .setBody(new Event(
                        run.id(),
                        source,
                        run.type(),
                        Instant.now(),
                        subject,
                        "application/json",
                        run.data(),
                        Map.of()));
    }

    /** The event is in the inbox: remember its delivery id and answer 202 with it. */
    void accepted(Exchange exchange) {
        String id = exchange.getProperty(DELIVERY_ID, String.class);
        redeliveries.remember(id);
        redeliveries.release(id);
        Event event = exchange.getIn().getBody(Event.class);
        ObjectNode node = Json.NODES.objectNode();
        node.put("id", event.id());
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(IngressAnswer.json(202, node.toString()));
    }

    /** The node's data contract refused the event: 400, and the delivery id is free for a corrected copy. */
    void rejected(Exchange exchange) {
        String id = exchange.getProperty(DELIVERY_ID, String.class);
        if (id != null) {
            redeliveries.release(id);
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage()
                .setBody(IngressAnswer.rejected(
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, EventRejectedException.class)));
    }

    void failed(Exchange exchange) {
        String id = exchange.getProperty(DELIVERY_ID, String.class);
        if (id != null) {
            redeliveries.release(id);
        }
        LOG.warn(
                "SaaS trigger {} could not accept an event",
                exchange.getFromEndpoint().getEndpointUri(),
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage()
                .setBody(IngressAnswer.error(503, "unavailable", "The event could not be accepted now; try again later")
                        .withHeader("Retry-After", "5"));
    }

    private static void stop(Exchange exchange, IngressAnswer answer) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(answer);
        exchange.setRouteStop(true);
    }

    private static IngressAnswer unauthorized(String reason) {
        return IngressAnswer.error(401, "unauthorized", reason);
    }
}
