package dev.switchboard.connector.saas.github;

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

/**
 * {@code github.event}: GitHub webhook deliveries, checked with {@code X-Hub-Signature-256};
 * {@code X-GitHub-Delivery} is the CloudEvent id and the redelivery key, {@code X-GitHub-Event}
 * the type. A {@code ping} is answered 200 and does not run.
 */
public final class GitHubConnector extends SaasTriggerConnector {
    public static final String ID = "github.event";
    static final String EVENT = "X-GitHub-Event";
    static final String DELIVERY = "X-GitHub-Delivery";
    /** GitHub caps payloads at 25 MB. */
    static final long MAX_BODY_BYTES = 25L * 1024 * 1024;

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.TRIGGER)
            .category(SaasTriggers.CATEGORY)
            .title("GitHub event")
            .description("Starts the flow when GitHub delivers a webhook event, verified with X-Hub-Signature-256")
            .icon("github")
            .outputs(PortSpec.out())
            .properties(
                    SaasTriggers.path("/hooks/github"),
                    SaasTriggers.secret(
                            "Webhook secret",
                            "{{secret:GITHUB_WEBHOOK_SECRET}}",
                            "The secret set on the GitHub webhook (content type application/json)"),
                    SaasTriggers.redeliveryWindow())
            .helpResource(GitHubConnector.class, "github.event.md")
            .sampleEvent("""
                    {"action": "opened", "number": 42, "pull_request": {"id": 1934567890, "number": 42, "title": "Add retry to the CRM sync", "state": "open", "html_url": "https://github.com/acme/shop/pull/42", "user": {"login": "ada", "id": 583231}, "head": {"ref": "retry-sync", "sha": "6dcb09b5b57875f334f61aebed695e2e4193db5e"}, "base": {"ref": "main"}}, "repository": {"id": 1296269, "name": "shop", "full_name": "acme/shop", "private": true}, "sender": {"login": "ada", "id": 583231}}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    protected SignatureScheme signature(NodeConfig config) {
        return new GitHubSignature(config.requireString("secret"));
    }

    @Override
    protected DeliveryReader reader(NodeConfig config) {
        return GitHubConnector::read;
    }

    @Override
    protected long maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    static Delivery read(IngressRequest request, JsonNode body) throws Delivery.Malformed {
        String event = SignatureScheme.header(request.headers(), EVENT);
        String delivery = SignatureScheme.header(request.headers(), DELIVERY);
        if (event.isEmpty() || delivery.isEmpty()) {
            throw new Delivery.Malformed("A GitHub delivery has " + EVENT + " and " + DELIVERY + " headers");
        }
        if (event.equals("ping")) {
            return Delivery.answer(200, Json.NODES.objectNode().put("pong", true));
        }
        return Delivery.run(delivery, event, body);
    }
}
