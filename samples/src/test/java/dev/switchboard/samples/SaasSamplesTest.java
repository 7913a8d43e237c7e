package dev.switchboard.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the SaaS samples as shipped against one loopback server standing in for Slack, GitHub and
 * HubSpot. Only each action's {@code baseUrl} is pointed at it; the deliveries are signed here with
 * javax.crypto the way each vendor signs them.
 */
class SaasSamplesTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SLACK_TOKEN = "xoxb-test-slack";
    private static final String GITHUB_TOKEN = "ghp_testgithub";
    private static final String HUBSPOT_TOKEN = "pat-test-hubspot";
    private static WireMockServer vendor;

    @TempDir
    Path dataDir;

    private Engine engine;

    @BeforeAll
    static void startVendor() {
        vendor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        vendor.start();
    }

    @AfterAll
    static void stopVendor() {
        vendor.stop();
    }

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
        vendor.resetAll();
    }

    @Test
    void stripePaymentSucceededIsPostedToSlack() throws Exception {
        stubSlack();
        start(Map.of("STRIPE_WEBHOOK_SECRET", "whsec_test", "SLACK_BOT_TOKEN", SLACK_TOKEN), "stripe-payment-to-slack");

        String paid = """
                {
                  "id": "evt_3PZx2aLkdIwHu7ix0nZQ4x8B",
                  "object": "event",
                  "api_version": "2024-06-20",
                  "created": 1719912000,
                  "data": {
                    "object": {
                      "id": "pi_3PZx29LkdIwHu7ix1Ab2Cd3E",
                      "object": "payment_intent",
                      "amount": 4999,
                      "amount_received": 4999,
                      "currency": "eur",
                      "customer": "cus_QH1aB2cD3eF4gH",
                      "metadata": {
                        "order_id": "A-1042"
                      },
                      "receipt_email": "ada@example.com",
                      "status": "succeeded"
                    }
                  },
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {
                    "id": "req_8cQ2Ks1yWv0hZt",
                    "idempotency_key": "b7f1c2d4-0e3a-4d55-9a61-3f0c0b1e2a77"
                  },
                  "type": "payment_intent.succeeded"
                }""";
        String created =
                paid.replace("evt_3PZx", "evt_4PZx").replace("payment_intent.succeeded", "payment_intent.created");
        assertThat(stripe(paid, "whsec_test").statusCode()).isEqualTo(202);
        assertThat(stripe(created, "whsec_test").statusCode()).isEqualTo(200);
        assertThat(stripe(paid.replace("evt_3", "evt_5"), "whsec_wrong").statusCode())
                .isEqualTo(401);

        JsonNode message = single("/api/chat.postMessage", "Bearer " + SLACK_TOKEN);
        assertThat(message.path("channel").asText()).isEqualTo("#payments");
        assertThat(message.path("text").asText())
                .isEqualTo("Payment received: 49.99 EUR from ada@example.com, order A-1042"
                        + " (pi_3PZx29LkdIwHu7ix1Ab2Cd3E)");
    }

    @Test
    void openedGitHubIssueUpsertsTheAuthorInHubSpotAndIsAnnouncedInSlack() throws Exception {
        stubSlack();
        vendor.stubFor(post(urlEqualTo("/crm/v3/objects/contacts/batch/upsert"))
                .willReturn(json(200, "{\"status\": \"COMPLETE\", \"results\": [{\"id\": \"512\", \"new\": true}]}")));
        start(
                Map.of(
                        "GITHUB_WEBHOOK_SECRET", "gh-secret",
                        "HUBSPOT_TOKEN", HUBSPOT_TOKEN,
                        "SLACK_BOT_TOKEN", SLACK_TOKEN),
                "github-issue-to-hubspot-and-slack");

        String opened = issuesPayload("opened");
        assertThat(github("issues", "72d3162e-cc78-11e3-81ab-4c9367dc0958", opened, "gh-secret")
                        .statusCode())
                .isEqualTo(202);
        assertThat(github("issues", "72d3162e-cc78-11e3-81ab-4c9367dc0959", issuesPayload("closed"), "gh-secret")
                        .statusCode())
                .isEqualTo(202);
        assertThat(github("issues", "72d3162e-cc78-11e3-81ab-4c9367dc0960", opened, "not-the-secret")
                        .statusCode())
                .isEqualTo(401);

        JsonNode upsert = single("/crm/v3/objects/contacts/batch/upsert", "Bearer " + HUBSPOT_TOKEN);
        JsonNode input = upsert.path("inputs").get(0);
        assertThat(input.path("idProperty").asText()).isEqualTo("email");
        assertThat(input.path("id").asText()).isEqualTo("583231+octocat@users.noreply.github.com");
        assertThat(input.at("/properties/email").asText()).isEqualTo("583231+octocat@users.noreply.github.com");
        assertThat(input.at("/properties/firstname").asText()).isEqualTo("octocat");
        assertThat(input.at("/properties/lifecyclestage").asText()).isEqualTo("lead");

        JsonNode message = single("/api/chat.postMessage", "Bearer " + SLACK_TOKEN);
        assertThat(message.path("channel").asText()).isEqualTo("#support");
        assertThat(message.path("text").asText())
                .isEqualTo("New issue #1347 in acme/shop by octocat: Checkout fails with a 500"
                        + " https://github.com/acme/shop/issues/1347");
    }

    @Test
    void slackMessagesTaggedBugBecomeACommentOnTheTriageIssue() throws Exception {
        vendor.stubFor(post(urlEqualTo("/repos/acme/shop/issues/1/comments"))
                .willReturn(json(
                        201,
                        "{\"id\": 1001, \"html_url\": \"https://github.com/acme/shop/issues/1#issuecomment-1001\"}")));
        start(
                Map.of("SLACK_SIGNING_SECRET", "slack-signing", "GITHUB_TOKEN", GITHUB_TOKEN),
                "slack-event-to-github-comment");

        assertThat(slack(message("Ev0BUG0001", "Checkout is broken again #bug", ""), "slack-signing")
                        .statusCode())
                .isEqualTo(202);
        assertThat(slack(message("Ev0CHAT0002", "lunch anyone?", ""), "slack-signing")
                        .statusCode())
                .isEqualTo(202);
        assertThat(slack(message("Ev0BOT0003", "Deploy failed #bug", "\"bot_id\": \"B0123\", "), "slack-signing")
                        .statusCode())
                .isEqualTo(202);
        assertThat(slack(message("Ev0BUG0004", "forged #bug", ""), "wrong").statusCode())
                .isEqualTo(401);

        JsonNode comment = single("/repos/acme/shop/issues/1/comments", "Bearer " + GITHUB_TOKEN);
        assertThat(comment.path("body").asText())
                .isEqualTo("Reported in Slack by <@U061F7AUR> in <#C0LAN2Q65>:\n\n> Checkout is broken again #bug");
        assertThat(vendor.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/1/comments")))
                        .get(0)
                        .getHeader("Accept"))
                .isEqualTo("application/vnd.github+json");
    }

    // ---- vendors ----

    private static void stubSlack() {
        vendor.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(json(200, "{\"ok\": true, \"channel\": \"C0CHANNEL1\", \"ts\": \"1719912001.000100\"}")));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    /** Waits for exactly one call to {@code path} with that Authorization, then checks no second one follows. */
    private static JsonNode single(String path, String authorization) throws Exception {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !vendor.findAll(postRequestedFor(urlEqualTo(path))).isEmpty());
        // and no second call follows
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> vendor.findAll(postRequestedFor(urlEqualTo(path))).size() == 1);
        List<LoggedRequest> calls = vendor.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getHeader("Authorization")).isEqualTo(authorization);
        assertThat(vendor.findAll(postRequestedFor(anyUrl())).stream()
                        .filter(r -> !r.getUrl().equals(path))
                        .filter(r -> r.getUrl().equals("/api/chat.postMessage")
                                || r.getUrl().startsWith("/repos/")
                                || r.getUrl().startsWith("/crm/"))
                        .filter(r -> !r.getHeader("Authorization").startsWith("Bearer ")))
                .isEmpty();
        return Json.parse(calls.get(0).getBodyAsString());
    }

    private static String issuesPayload(String action) {
        return """
                {
                  "action": "%s",
                  "issue": {
                    "url": "https://api.github.com/repos/acme/shop/issues/1347",
                    "html_url": "https://github.com/acme/shop/issues/1347",
                    "id": 1,
                    "number": 1347,
                    "title": "Checkout fails with a 500",
                    "user": {
                      "login": "octocat",
                      "id": 583231,
                      "html_url": "https://github.com/octocat",
                      "type": "User",
                      "site_admin": false
                    },
                    "labels": [],
                    "state": "open",
                    "comments": 0,
                    "created_at": "2026-11-29T10:15:00Z",
                    "author_association": "NONE",
                    "body": "Paying with a card answers 500."
                  },
                  "repository": {
                    "id": 1296269,
                    "name": "shop",
                    "full_name": "acme/shop",
                    "private": false
                  },
                  "sender": {
                    "login": "octocat",
                    "id": 583231
                  }
                }""".formatted(action);
    }

    private static String message(String eventId, String text, String extra) {
        return "{\"token\": \"XXYYZZ\", \"team_id\": \"T0123ABCD\", \"api_app_id\": \"A0456EFGH\", \"event\": {"
                + extra
                + "\"type\": \"message\", \"channel\": \"C0LAN2Q65\", \"user\": \"U061F7AUR\", \"text\": \""
                + text
                + "\", \"ts\": \"1719912000.000200\", \"event_ts\": \"1719912000.000200\", \"channel_type\": \"channel\"},"
                + " \"type\": \"event_callback\", \"event_id\": \""
                + eventId
                + "\", \"event_time\": 1719912000}";
    }

    // ---- deliveries, signed as each vendor signs them ----

    private HttpResponse<String> stripe(String body, String secret) throws Exception {
        long t = Instant.now().getEpochSecond();
        return send("/hooks/stripe", body, "Stripe-Signature", "t=" + t + ",v1=" + hex(hmac(secret, t + "." + body)));
    }

    private HttpResponse<String> github(String event, String delivery, String body, String secret) throws Exception {
        return send(
                "/hooks/github",
                body,
                "X-GitHub-Event",
                event,
                "X-GitHub-Delivery",
                delivery,
                "X-Hub-Signature-256",
                "sha256=" + hex(hmac(secret, body)));
    }

    private HttpResponse<String> slack(String body, String secret) throws Exception {
        long t = Instant.now().getEpochSecond();
        return send(
                "/hooks/slack",
                body,
                "X-Slack-Request-Timestamp",
                Long.toString(t),
                "X-Slack-Signature",
                "v0=" + hex(hmac(secret, "v0:" + t + ":" + body)));
    }

    static byte[] hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private HttpResponse<String> send(String path, String body, String... headers) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.httpBaseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // ---- engine ----

    private void start(Map<String, String> secrets, String sample) throws Exception {
        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0).withDataDir(dataDir),
                        ConnectorCatalog.load(),
                        SecretResolver.of(secrets))
                .start();
        engine.deploy(againstVendor(FlowCodec.read(Files.readString(Path.of(sample + ".flow.json")))));
    }

    /** The sample with each SaaS action's API base URL pointed at the loopback vendor; nothing else changes. */
    private static Flow againstVendor(Flow sample) {
        List<Node> nodes = new ArrayList<>();
        for (Node node : sample.nodes()) {
            String base = switch (node.type()) {
                case "slack.post" -> vendor.baseUrl() + "/api";
                case "github.comment", "github.issue", "hubspot.contact" -> vendor.baseUrl();
                default -> null;
            };
            nodes.add(base == null ? node : node.withConfig(node.config().with("baseUrl", ConfigValue.of(base))));
        }
        return sample.withNodes(nodes);
    }
}
