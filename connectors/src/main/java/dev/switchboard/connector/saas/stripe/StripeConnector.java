package dev.switchboard.connector.saas.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.ingress.IngressRequest;
import dev.switchboard.connector.saas.Delivery;
import dev.switchboard.connector.saas.DeliveryReader;
import dev.switchboard.connector.saas.SaasTriggerConnector;
import dev.switchboard.connector.saas.SaasTriggers;
import dev.switchboard.connector.saas.SignatureScheme;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Clock;
import java.util.List;

/**
 * {@code stripe.event}: Stripe webhook events, checked with Stripe's {@code Stripe-Signature}
 * scheme; the event's {@code id} ({@code evt_…}) is the CloudEvent id and the redelivery key, its
 * {@code type} the CloudEvent type. With {@code eventTypes}, other types are answered 200 and do not run.
 */
public final class StripeConnector extends SaasTriggerConnector {
    public static final String ID = "stripe.event";
    static final long MAX_BODY_BYTES = 5L * 1024 * 1024;

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.TRIGGER)
            .category(SaasTriggers.CATEGORY)
            .title("Stripe event")
            .description("Starts the flow when Stripe sends a webhook event, verified with its Stripe-Signature")
            .icon("credit-card")
            .outputs(PortSpec.out())
            .properties(
                    SaasTriggers.path("/hooks/stripe"),
                    SaasTriggers.secret(
                            "Endpoint secret",
                            "{{secret:STRIPE_WEBHOOK_SECRET}}",
                            "The endpoint's signing secret (whsec_…) from the Stripe dashboard"),
                    PropertySpec.builder("tolerance", PropertyType.DURATION)
                            .title("Timestamp tolerance")
                            .defaultValue("300s")
                            .description("How far the signed timestamp may be from the server's clock;"
                                    + " older calls are refused as replays")
                            .build(),
                    PropertySpec.builder("eventTypes", PropertyType.LIST)
                            .title("Event types")
                            .description("Only these types run, e.g. invoice.paid or invoice.* (empty: all);"
                                    + " others are answered 200")
                            .build(),
                    SaasTriggers.redeliveryWindow())
            .helpResource(StripeConnector.class, "stripe.event.md")
            .sampleEvent("""
                    {"id": "evt_1PZx2aLkdIwHu7ix0nZQ4x8B", "object": "event", "api_version": "2024-06-20", "created": 1719912000, "type": "payment_intent.succeeded", "livemode": false, "pending_webhooks": 1, "request": {"id": "req_8cQ2Ks1yWv0hZt", "idempotency_key": "b7f1c2d4-0e3a-4d55-9a61-3f0c0b1e2a77"}, "data": {"object": {"id": "pi_3PZx29LkdIwHu7ix1Ab2Cd3E", "object": "payment_intent", "amount": 4999, "currency": "eur", "customer": "cus_QH1aB2cD3eF4gH", "status": "succeeded", "receipt_email": "ada@example.com", "metadata": {"order_id": "A-1042"}}}}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new java.util.ArrayList<>(super.validate(config));
        SaasTriggers.atLeastASecond(config, "tolerance", "300s").ifPresent(problems::add);
        SaasTriggers.strings(config, "eventTypes", problems);
        return problems;
    }

    @Override
    protected SignatureScheme signature(NodeConfig config) {
        return new StripeSignature(
                config.requireString("secret"),
                config.duration("tolerance", SaasTriggers.DEFAULT_TOLERANCE),
                Clock.systemUTC());
    }

    @Override
    protected DeliveryReader reader(NodeConfig config) {
        List<String> types = SaasTriggers.strings(config, "eventTypes", null);
        return (request, body) -> read(request, body, types);
    }

    @Override
    protected long maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    static Delivery read(IngressRequest request, JsonNode body, List<String> types) throws Delivery.Malformed {
        String id = body.path("id").asText("");
        String type = body.path("type").asText("");
        if (id.isEmpty() || type.isEmpty()) {
            throw new Delivery.Malformed("A Stripe event has an id and a type");
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> matches(t, type))) {
            return Delivery.ignored("event type " + type + " is not one this trigger runs");
        }
        return Delivery.run(id, type, body);
    }

    /** {@code invoice.paid} matches itself; {@code invoice.*} every type starting {@code invoice.}; {@code *} all. */
    static boolean matches(String pattern, String type) {
        if (pattern.equals("*")) {
            return true;
        }
        return pattern.endsWith(".*")
                ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(type);
    }
}
