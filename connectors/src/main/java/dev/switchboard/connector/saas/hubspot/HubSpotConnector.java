package dev.switchboard.connector.saas.hubspot;

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
import dev.switchboard.connector.support.Hmac;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code hubspot.event}: HubSpot webhook calls (a batch of up to 100 subscription events), checked
 * with HubSpot's v3 signature. One call is one event: {@code data.events} holds the batch. A batch
 * of one event takes its {@code eventId} as CloudEvent id; a larger one an id derived from all its
 * eventIds ({@code batch-<sha256>}), so the same batch delivered again is recognised. The type is
 * the events' {@code subscriptionType} ({@code contact.creation}), or {@code hubspot.batch} when
 * they differ.
 */
public final class HubSpotConnector extends SaasTriggerConnector {
    public static final String ID = "hubspot.event";
    static final String MIXED = "hubspot.batch";
    static final long MAX_BODY_BYTES = 5L * 1024 * 1024;

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.TRIGGER)
            .category(SaasTriggers.CATEGORY)
            .title("HubSpot event")
            .description("Starts the flow when HubSpot sends webhook events, verified with its v3 signature")
            .icon("users")
            .outputs(PortSpec.out())
            .properties(
                    SaasTriggers.path("/hooks/hubspot"),
                    SaasTriggers.secret(
                            "Client secret",
                            "{{secret:HUBSPOT_CLIENT_SECRET}}",
                            "The app's client secret (Auth tab of the HubSpot app)"),
                    PropertySpec.builder("publicUrl", PropertyType.STRING)
                            .title("Public base URL")
                            .placeholder("https://hooks.example.com")
                            .description("The scheme and host HubSpot calls (behind a proxy); the signature covers"
                                    + " the full URL. Empty: http:// and the request's Host")
                            .build(),
                    SaasTriggers.redeliveryWindow())
            .helpResource(HubSpotConnector.class, "hubspot.event.md")
            .sampleEvent("""
                    {"events": [{"eventId": 1882304518, "subscriptionId": 2270513, "portalId": 62515, "appId": 1160452, "occurredAt": 1719912000000, "subscriptionType": "contact.propertyChange", "attemptNumber": 0, "objectId": 123, "propertyName": "lifecyclestage", "propertyValue": "customer", "changeSource": "CRM_UI"}]}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>(super.validate(config));
        String url = config.string("publicUrl", "").trim();
        if (!url.isEmpty()) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getQuery() != null) {
                problems.add(new ConfigProblem(
                        "/publicUrl", "The public base URL is scheme and host, e.g. https://hooks.example.com"));
            }
        }
        return problems;
    }

    @Override
    protected SignatureScheme signature(NodeConfig config) {
        return new HubSpotSignature(
                config.requireString("secret"),
                config.string("publicUrl", "").trim(),
                SaasTriggers.DEFAULT_TOLERANCE,
                Clock.systemUTC());
    }

    @Override
    protected DeliveryReader reader(NodeConfig config) {
        return HubSpotConnector::read;
    }

    @Override
    protected long maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    static Delivery read(IngressRequest request, JsonNode body) throws Delivery.Malformed {
        if (!body.isArray() || body.isEmpty()) {
            throw new Delivery.Malformed("A HubSpot webhook call is a non-empty array of events");
        }
        TreeSet<String> ids = new TreeSet<>();
        TreeSet<String> types = new TreeSet<>();
        for (JsonNode event : body) {
            String id = event.path("eventId").asText("");
            String type = event.path("subscriptionType").asText("");
            if (id.isEmpty() || type.isEmpty()) {
                throw new Delivery.Malformed("Each HubSpot event has an eventId and a subscriptionType");
            }
            ids.add(id);
            types.add(type);
        }
        String id = ids.size() == 1 ? ids.first() : "batch-" + sha256(String.join(",", ids));
        String type = types.size() == 1 ? types.first() : MIXED;
        return Delivery.run(
                id,
                type,
                dev.switchboard.connector.support.Json.NODES.objectNode().set("events", body));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Hmac.utf8(text)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
