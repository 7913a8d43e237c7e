package dev.switchboard.connector.saas.slack;

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
import dev.switchboard.connector.support.Json;
import java.time.Clock;

/**
 * {@code slack.event}: the Slack Events API, checked with Slack's v0 signature; {@code event_id}
 * is the CloudEvent id and the redelivery key (Slack's retries, {@code X-Slack-Retry-Num}, carry
 * the same one), {@code event.type} the type. A {@code url_verification} is answered with its
 * {@code challenge} and does not run.
 */
public final class SlackEventsConnector extends SaasTriggerConnector {
    public static final String ID = "slack.event";
    static final long MAX_BODY_BYTES = 1024L * 1024;

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.TRIGGER)
            .category(SaasTriggers.CATEGORY)
            .title("Slack event")
            .description("Starts the flow on Slack Events API events, verified with Slack's signing secret")
            .icon("slack")
            .outputs(PortSpec.out())
            .properties(
                    SaasTriggers.path("/hooks/slack"),
                    SaasTriggers.secret(
                            "Signing secret",
                            "{{secret:SLACK_SIGNING_SECRET}}",
                            "The app's signing secret (Basic Information in the Slack app settings)"),
                    SaasTriggers.redeliveryWindow())
            .helpResource(SlackEventsConnector.class, "slack.event.md")
            .sampleEvent("""
                    {"token": "XXYYZZ", "team_id": "T0123ABCD", "api_app_id": "A0456EFGH", "type": "event_callback", "event_id": "Ev08MFMKH6", "event_time": 1719912000, "event": {"type": "app_mention", "user": "U061F7AUR", "text": "<@U0LAN0Z89> is the deploy done?", "ts": "1719912000.000200", "channel": "C0LAN2Q65", "event_ts": "1719912000.000200"}}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    protected SignatureScheme signature(NodeConfig config) {
        return new SlackSignature(config.requireString("secret"), SaasTriggers.DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    @Override
    protected DeliveryReader reader(NodeConfig config) {
        return SlackEventsConnector::read;
    }

    @Override
    protected long maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    static Delivery read(IngressRequest request, JsonNode body) throws Delivery.Malformed {
        String kind = body.path("type").asText("");
        if (kind.equals("url_verification")) {
            return Delivery.answer(
                    200,
                    Json.NODES
                            .objectNode()
                            .put("challenge", body.path("challenge").asText("")));
        }
        if (!kind.equals("event_callback")) {
            return Delivery.ignored("Slack callback type " + (kind.isEmpty() ? "(none)" : kind));
        }
        String id = body.path("event_id").asText("");
        String type = body.path("event").path("type").asText("");
        if (id.isEmpty() || type.isEmpty()) {
            throw new Delivery.Malformed("A Slack event_callback has an event_id and an event.type");
        }
        return Delivery.run(id, type, body);
    }
}
