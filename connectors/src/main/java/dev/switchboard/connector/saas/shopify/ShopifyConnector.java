package dev.switchboard.connector.saas.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.ingress.IngressRequest;
import dev.switchboard.connector.saas.Delivery;
import dev.switchboard.connector.saas.DeliveryReader;
import dev.switchboard.connector.saas.SaasTriggerConnector;
import dev.switchboard.connector.saas.SaasTriggers;
import dev.switchboard.connector.saas.SignatureScheme;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;

/**
 * {@code shopify.event}: Shopify webhooks, checked with {@code X-Shopify-Hmac-Sha256};
 * {@code X-Shopify-Webhook-Id} is the CloudEvent id and the redelivery key, {@code X-Shopify-Topic}
 * the type.
 */
public final class ShopifyConnector extends SaasTriggerConnector {
    public static final String ID = "shopify.event";
    static final String TOPIC = "X-Shopify-Topic";
    static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    static final long MAX_BODY_BYTES = 5L * 1024 * 1024;

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.TRIGGER)
            .category(SaasTriggers.CATEGORY)
            .title("Shopify event")
            .description("Starts the flow when Shopify sends a webhook, verified with X-Shopify-Hmac-Sha256")
            .icon("shopping-bag")
            .outputs(PortSpec.out())
            .properties(
                    SaasTriggers.path("/hooks/shopify"),
                    SaasTriggers.secret(
                            "Client secret",
                            "{{secret:SHOPIFY_CLIENT_SECRET}}",
                            "The app's client secret (or the store's webhook signing secret)"),
                    SaasTriggers.redeliveryWindow())
            .helpResource(ShopifyConnector.class, "shopify.event.md")
            .sampleEvent("""
                    {"id": 820982911946154508, "admin_graphql_api_id": "gid://shopify/Order/820982911946154508", "name": "#1042", "email": "ada@example.com", "created_at": "2024-07-02T10:15:00-04:00", "currency": "EUR", "total_price": "49.99", "financial_status": "paid", "customer": {"id": 115310627314723954, "email": "ada@example.com", "first_name": "Ada", "last_name": "Lovelace"}, "line_items": [{"id": 866550311766439020, "sku": "ENG-001", "title": "Difference engine kit", "quantity": 1, "price": "49.99"}]}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    protected SignatureScheme signature(NodeConfig config) {
        return new ShopifySignature(config.requireString("secret"));
    }

    @Override
    protected DeliveryReader reader(NodeConfig config) {
        return ShopifyConnector::read;
    }

    @Override
    protected long maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    static Delivery read(IngressRequest request, JsonNode body) throws Delivery.Malformed {
        String topic = SignatureScheme.header(request.headers(), TOPIC);
        String id = SignatureScheme.header(request.headers(), WEBHOOK_ID);
        if (topic.isEmpty() || id.isEmpty()) {
            throw new Delivery.Malformed("A Shopify webhook has " + TOPIC + " and " + WEBHOOK_ID + " headers");
        }
        return Delivery.run(id, topic, body);
    }
}
