package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SaaS triggers on the durable runtime (H2 in a temp folder), called with real HTTP posts
 * signed here with javax.crypto as each vendor signs them: a good signature is accepted (202) and
 * runs once; a wrong, missing or stale one gets 401 and stores nothing; a redelivery of the same
 * delivery id gets 200 and does not run again.
 */
class SaasTriggersFlowTest {
    /** How long nothing more may happen for a "nothing else ran" check to pass. */
    static final Duration QUIET = Duration.ofMillis(300);

    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String STRIPE_SECRET = "whsec_e2e_5b1c0f7d9a";
    static final String GITHUB_SECRET = "gh-hook-secret-77a1";
    static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String SHOPIFY_SECRET = "shpss_client_secret_3e9d";
    static final String HUBSPOT_SECRET = "hubspot-client-secret-a91f";

    @TempDir
    static Path dataDir;

    static DurableRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        EngineOptions options = new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5));
        runtime = DurableRuntime.start(
                options,
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of(
                        "STRIPE",
                        STRIPE_SECRET,
                        "GITHUB",
                        GITHUB_SECRET,
                        "SLACK",
                        SLACK_SECRET,
                        "SHOPIFY",
                        SHOPIFY_SECRET,
                        "HUBSPOT",
                        HUBSPOT_SECRET)),
                null,
                HistoryOptions.defaults());
        runtime.engine()
                .deploy(chain(
                        "stripe",
                        node(
                                "hook",
                                "stripe.event",
                                "path",
                                "/hooks/stripe",
                                "secret",
                                "{{secret:STRIPE}}",
                                "eventTypes",
                                List.of("invoice.paid", "payment_intent.*")),
                        node("seen", "test.capture", "sink", "stripe-in")));
        runtime.engine()
                .deploy(chain(
                        "github",
                        node("hook", "github.event", "path", "/hooks/github", "secret", "{{secret:GITHUB}}"),
                        node("seen", "test.capture", "sink", "github-in")));
        runtime.engine()
                .deploy(chain(
                        "slack",
                        node("hook", "slack.event", "path", "/hooks/slack", "secret", "{{secret:SLACK}}"),
                        node("seen", "test.capture", "sink", "slack-in")));
        runtime.engine()
                .deploy(chain(
                        "shopify",
                        node("hook", "shopify.event", "path", "/hooks/shopify", "secret", "{{secret:SHOPIFY}}"),
                        node("seen", "test.capture", "sink", "shopify-in")));
        runtime.engine()
                .deploy(chain(
                        "hubspot",
                        node(
                                "hook",
                                "hubspot.event",
                                "path",
                                "/hooks/hubspot",
                                "secret",
                                "{{secret:HUBSPOT}}",
                                "publicUrl",
                                "https://hooks.example.com/"),
                        node("seen", "test.capture", "sink", "hubspot-in")));
        runtime.engine()
                .deploy(chain(
                        "hubspotdirect",
                        node("hook", "hubspot.event", "path", "/hooks/hubspot-direct", "secret", "{{secret:HUBSPOT}}"),
                        node("seen", "test.capture", "sink", "hubspot-direct-in")));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    // ---- signing, independently of the production code ----

    static byte[] hmac(String secret, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String stripeHeader(String secret, long t, byte[] body) throws Exception {
        return "t=" + t + ",v1=" + hex(hmac(secret, utf8(t + "."), body));
    }

    static String slackSignature(String secret, long t, byte[] body) throws Exception {
        return "v0=" + hex(hmac(secret, utf8("v0:" + t + ":"), body));
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(runtime.engine().httpBaseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static int runs(String flow) {
        return runtime.runs().list(flow, null, 1000).size();
    }

    static long captured(String sink, String id) {
        return CaptureConnector.events(sink).stream()
                .filter(e -> e.id().equals(id))
                .count();
    }

    /** Waits for one run of {@code id}, then a little longer to see that no second one comes. */
    static void ranOnce(String flow, String sink, String id) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> captured(sink, id) == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> runtime.runs().list(flow, null, 1000).stream()
                        .anyMatch(r -> r.eventId().equals(id)));
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.inbox().pendingCount() == 0);
        // and no second run follows
        await().during(QUIET).atMost(QUIET.multipliedBy(10)).until(() -> captured(sink, id) == 1);
        assertThat(runtime.runs().list(flow, null, 1000).stream()
                        .filter(r -> r.eventId().equals(id)))
                .hasSize(1);
    }

    /** Every response is 401 JSON, and nothing was stored or run. */
    static void allRefused(String flow, String sink, int runsBefore, List<HttpResponse<String>> responses)
            throws Exception {
        int capturedBefore = CaptureConnector.events(sink).size();
        for (HttpResponse<String> r : responses) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(Json.parse(r.body()).path("error").asText()).isEqualTo("unauthorized");
        }
        await().during(QUIET)
                .atMost(QUIET.multipliedBy(10))
                .until(() -> runtime.inbox().pendingCount() == 0
                        && runs(flow) == runsBefore
                        && CaptureConnector.events(sink).size() == capturedBefore);
    }

    // ---- Stripe ----

    static byte[] stripeEvent(String id, String type) {
        // spacing and key order as Stripe sends it: the signature covers these bytes, not a re-serialisation
        return utf8("{\n  \"id\": \"" + id + "\",\n  \"object\": \"event\",\n  \"type\": \"" + type
                + "\",\n  \"data\": {\n    \"object\": {\"id\": \"in_1\", \"amount_paid\": 4999}\n  }\n}");
    }

    @Test
    void stripeSignedEventRunsOnceAndItsRedeliveryDoesNotRunAgain() throws Exception {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = stripeEvent(id, "invoice.paid");
        long t = now();
        String header = "t=" + t + ",v1=" + hex(hmac("whsec_rolled_away", utf8(t + "."), body)) + ","
                + stripeHeader(STRIPE_SECRET, t, body).substring(("t=" + t + ",").length());

        HttpResponse<String> first = post("/hooks/stripe", body, "Stripe-Signature", header);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(Json.parse(first.body()).path("id").asText()).isEqualTo(id);
        ranOnce("stripe", "stripe-in", id);
        Event event = CaptureConnector.events("stripe-in").stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(event.type()).isEqualTo("invoice.paid");
        assertThat(event.data().path("data").path("object").path("amount_paid").asInt())
                .isEqualTo(4999);

        // Stripe retries with the same event, newly signed
        HttpResponse<String> again =
                post("/hooks/stripe", body, "Stripe-Signature", stripeHeader(STRIPE_SECRET, now(), body));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode answer = Json.parse(again.body());
        assertThat(answer.path("duplicate").asBoolean()).isTrue();
        assertThat(answer.path("id").asText()).isEqualTo(id);
        ranOnce("stripe", "stripe-in", id);
    }

    @Test
    void stripeWrongMissingStaleOrForeignSignaturesAreRefusedAndNothingIsStored() throws Exception {
        int before = runs("stripe");
        byte[] body = stripeEvent("evt_refused_" + UUID.randomUUID(), "invoice.paid");
        long t = now();
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(post("/hooks/stripe", body, "Stripe-Signature", stripeHeader("whsec_wrong", t, body)));
        responses.add(post("/hooks/stripe", body));
        responses.add(post("/hooks/stripe", body, "Stripe-Signature", "t=" + t));
        responses.add(post("/hooks/stripe", body, "Stripe-Signature", stripeHeader(STRIPE_SECRET, t - 301, body)));
        // the body re-serialised (whitespace gone) no longer matches the signature of the bytes sent
        byte[] compact =
                utf8(Json.parse(new String(body, StandardCharsets.UTF_8)).toString());
        responses.add(post("/hooks/stripe", compact, "Stripe-Signature", stripeHeader(STRIPE_SECRET, t, body)));
        allRefused("stripe", "stripe-in", before, responses);
    }

    @Test
    void stripeTypesOutsideTheListAreAnswered200AndDoNotRun() throws Exception {
        int before = runs("stripe");
        int captured = CaptureConnector.events("stripe-in").size();
        byte[] body = stripeEvent("evt_other_" + UUID.randomUUID(), "customer.created");
        HttpResponse<String> r =
                post("/hooks/stripe", body, "Stripe-Signature", stripeHeader(STRIPE_SECRET, now(), body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body()).has("ignored")).isTrue();
        await().during(QUIET)
                .atMost(QUIET.multipliedBy(10))
                .until(() -> runs("stripe") == before
                        && CaptureConnector.events("stripe-in").size() == captured);

        String id = "evt_pi_" + UUID.randomUUID().toString().replace("-", "");
        byte[] pi = stripeEvent(id, "payment_intent.succeeded");
        assertThat(post("/hooks/stripe", pi, "Stripe-Signature", stripeHeader(STRIPE_SECRET, now(), pi))
                        .statusCode())
                .isEqualTo(202);
        ranOnce("stripe", "stripe-in", id);
    }

    // ---- GitHub ----

    static HttpResponse<String> github(String event, String delivery, byte[] body, String secret) throws Exception {
        return post(
                "/hooks/github",
                body,
                "X-GitHub-Event",
                event,
                "X-GitHub-Delivery",
                delivery,
                "X-Hub-Signature-256",
                "sha256=" + hex(hmac(secret, body)));
    }

    @Test
    void githubSignedDeliveryRunsOncePingDoesNotAndRedeliveryDoesNotRunAgain() throws Exception {
        int before = runs("github");
        HttpResponse<String> ping = github(
                "ping", UUID.randomUUID().toString(), utf8("{\"zen\": \"Keep it logically awesome.\"}"), GITHUB_SECRET);
        assertThat(ping.statusCode()).as(ping.body()).isEqualTo(200);
        await().during(QUIET).atMost(QUIET.multipliedBy(10)).until(() -> runs("github") == before);

        String delivery = UUID.randomUUID().toString();
        byte[] body = utf8("{\"action\":\"opened\",\"number\":42,\"repository\":{\"full_name\":\"acme/shop\"}}");
        HttpResponse<String> first = github("pull_request", delivery, body, GITHUB_SECRET);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        ranOnce("github", "github-in", delivery);
        Event event = CaptureConnector.events("github-in").stream()
                .filter(e -> e.id().equals(delivery))
                .findFirst()
                .orElseThrow();
        assertThat(event.type()).isEqualTo("pull_request");
        assertThat(event.data().path("action").asText()).isEqualTo("opened");

        HttpResponse<String> redelivered = github("pull_request", delivery, body, GITHUB_SECRET);
        assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(200);
        assertThat(Json.parse(redelivered.body()).path("duplicate").asBoolean()).isTrue();
        ranOnce("github", "github-in", delivery);
    }

    @Test
    void githubWrongOrMissingSignaturesAreRefusedAndNothingIsStored() throws Exception {
        int before = runs("github");
        byte[] body = utf8("{\"ref\":\"refs/heads/main\"}");
        String delivery = UUID.randomUUID().toString();
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(github("push", delivery, body, "not-the-secret"));
        responses.add(post("/hooks/github", body, "X-GitHub-Event", "push", "X-GitHub-Delivery", delivery));
        responses.add(post(
                "/hooks/github",
                body,
                "X-GitHub-Event",
                "push",
                "X-GitHub-Delivery",
                delivery,
                "X-Hub-Signature-256",
                hex(hmac(GITHUB_SECRET, body))));
        allRefused("github", "github-in", before, responses);
    }

    // ---- Slack ----

    static HttpResponse<String> slack(byte[] body, long t, String secret, String... more) throws Exception {
        List<String> headers = new ArrayList<>(List.of(
                "X-Slack-Request-Timestamp", Long.toString(t), "X-Slack-Signature", slackSignature(secret, t, body)));
        headers.addAll(List.of(more));
        return post("/hooks/slack", body, headers.toArray(String[]::new));
    }

    @Test
    void slackUrlVerificationIsAnsweredWithTheChallengeAndDoesNotRun() throws Exception {
        int before = runs("slack");
        byte[] body = utf8("{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":"
                + "\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");
        HttpResponse<String> r = slack(body, now(), SLACK_SECRET);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body()).path("challenge").asText())
                .isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        await().during(QUIET).atMost(QUIET.multipliedBy(10)).until(() -> runs("slack") == before);
    }

    @Test
    void slackEventRunsOnceAndARetryOfItDoesNotRunAgain() throws Exception {
        String eventId = "Ev"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        byte[] body = utf8("{\"type\":\"event_callback\",\"team_id\":\"T0123ABCD\",\"event_id\":\"" + eventId
                + "\",\"event\":{\"type\":\"app_mention\",\"user\":\"U061F7AUR\",\"text\":\"<@U0LAN0Z89> hi\"}}");
        HttpResponse<String> first = slack(body, now(), SLACK_SECRET);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        ranOnce("slack", "slack-in", eventId);
        assertThat(CaptureConnector.events("slack-in").stream()
                        .filter(e -> e.id().equals(eventId))
                        .findFirst()
                        .orElseThrow()
                        .type())
                .isEqualTo("app_mention");

        HttpResponse<String> retry =
                slack(body, now(), SLACK_SECRET, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(Json.parse(retry.body()).path("duplicate").asBoolean()).isTrue();
        ranOnce("slack", "slack-in", eventId);
    }

    @Test
    void slackWrongMissingOrStaleSignaturesAreRefusedAndNothingIsStored() throws Exception {
        int before = runs("slack");
        byte[] body = utf8("{\"type\":\"event_callback\",\"event_id\":\"EvREFUSED\",\"event\":{\"type\":\"message\"}}");
        long t = now();
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(slack(body, t, "the-wrong-secret"));
        responses.add(slack(body, t - 301, SLACK_SECRET));
        responses.add(post("/hooks/slack", body, "X-Slack-Request-Timestamp", Long.toString(t)));
        responses.add(post("/hooks/slack", body, "X-Slack-Signature", slackSignature(SLACK_SECRET, t, body)));
        // a fresh timestamp on an old signature: the timestamp is covered
        responses.add(post(
                "/hooks/slack",
                body,
                "X-Slack-Request-Timestamp",
                Long.toString(t),
                "X-Slack-Signature",
                slackSignature(SLACK_SECRET, t - 400, body)));
        allRefused("slack", "slack-in", before, responses);
    }

    // ---- Shopify ----

    static HttpResponse<String> shopify(String topic, String id, byte[] body, String secret) throws Exception {
        return post(
                "/hooks/shopify",
                body,
                "X-Shopify-Topic",
                topic,
                "X-Shopify-Webhook-Id",
                id,
                "X-Shopify-Shop-Domain",
                "acme.myshopify.com",
                "X-Shopify-Hmac-Sha256",
                Base64.getEncoder().encodeToString(hmac(secret, body)));
    }

    @Test
    void shopifySignedWebhookRunsOnceAndItsRetryDoesNotRunAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] body = utf8("{\"id\": 820982911946154508, \"name\": \"#1042\", \"total_price\": \"49.99\"}");
        HttpResponse<String> first = shopify("orders/create", id, body, SHOPIFY_SECRET);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        ranOnce("shopify", "shopify-in", id);
        Event event = CaptureConnector.events("shopify-in").stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(event.type()).isEqualTo("orders/create");
        // the order id survives exactly: the body is parsed once, from the bytes received
        assertThat(event.data().path("id").asLong()).isEqualTo(820982911946154508L);

        HttpResponse<String> retry = shopify("orders/create", id, body, SHOPIFY_SECRET);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        ranOnce("shopify", "shopify-in", id);
    }

    @Test
    void shopifyWrongOrMissingSignaturesAreRefusedAndNothingIsStored() throws Exception {
        int before = runs("shopify");
        byte[] body = utf8("{\"id\": 1}");
        String id = UUID.randomUUID().toString();
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(shopify("orders/create", id, body, "shpss_wrong"));
        responses.add(post("/hooks/shopify", body, "X-Shopify-Topic", "orders/create", "X-Shopify-Webhook-Id", id));
        responses.add(post(
                "/hooks/shopify",
                body,
                "X-Shopify-Topic",
                "orders/create",
                "X-Shopify-Webhook-Id",
                id,
                "X-Shopify-Hmac-Sha256",
                hex(hmac(SHOPIFY_SECRET, body))));
        allRefused("shopify", "shopify-in", before, responses);
    }

    // ---- HubSpot ----

    static String hubspotSignature(String secret, String method, String uri, byte[] body, long millis)
            throws Exception {
        return Base64.getEncoder().encodeToString(hmac(secret, utf8(method + uri), body, utf8(Long.toString(millis))));
    }

    static byte[] hubspotBatch(long... eventIds) {
        StringBuilder json = new StringBuilder("[");
        for (long id : eventIds) {
            json.append(json.length() > 1 ? "," : "")
                    .append("{\"eventId\":")
                    .append(id)
                    .append(",\"subscriptionId\":2270513,\"portalId\":62515,\"occurredAt\":1719912000000,"
                            + "\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":123}");
        }
        return utf8(json.append("]").toString());
    }

    static HttpResponse<String> hubspot(String pathAndQuery, byte[] body, long millis, String signature)
            throws Exception {
        return post(
                pathAndQuery,
                body,
                "X-HubSpot-Request-Timestamp",
                Long.toString(millis),
                "X-HubSpot-Signature-v3",
                signature);
    }

    @Test
    void hubspotCallSignedForThePublicUrlRunsOnceAndItsRetryDoesNotRunAgain() throws Exception {
        long eventId = 1_000_000L + (System.nanoTime() & 0xFFFFF);
        byte[] body = hubspotBatch(eventId);
        long millis = System.currentTimeMillis();
        // HubSpot signs the URL it called: the public one, query included, not the runtime's own
        String signature = hubspotSignature(
                HUBSPOT_SECRET, "POST", "https://hooks.example.com/hooks/hubspot?portal=62515", body, millis);
        HttpResponse<String> first = hubspot("/hooks/hubspot?portal=62515", body, millis, signature);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        String id = Long.toString(eventId);
        ranOnce("hubspot", "hubspot-in", id);
        Event event = CaptureConnector.events("hubspot-in").stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(event.type()).isEqualTo("contact.creation");
        assertThat(event.data().path("events").get(0).path("objectId").asInt()).isEqualTo(123);

        long later = System.currentTimeMillis();
        HttpResponse<String> retry = hubspot(
                "/hooks/hubspot?portal=62515",
                body,
                later,
                hubspotSignature(
                        HUBSPOT_SECRET, "POST", "https://hooks.example.com/hooks/hubspot?portal=62515", body, later));
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(Json.parse(retry.body()).path("duplicate").asBoolean()).isTrue();
        ranOnce("hubspot", "hubspot-in", id);
    }

    @Test
    void hubspotWithoutAPublicUrlChecksTheUrlTheRequestWasSentTo() throws Exception {
        byte[] body = hubspotBatch(7_000_001L + (System.nanoTime() & 0xFFFF), 7_100_001L);
        long millis = System.currentTimeMillis();
        String uri = "http://127.0.0.1:" + runtime.engine().httpPort() + "/hooks/hubspot-direct";
        HttpResponse<String> r = hubspot(
                "/hooks/hubspot-direct", body, millis, hubspotSignature(HUBSPOT_SECRET, "POST", uri, body, millis));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = Json.parse(r.body()).path("id").asText();
        assertThat(id).startsWith("batch-");
        ranOnce("hubspotdirect", "hubspot-direct-in", id);
    }

    @Test
    void hubspotWrongMissingStaleOrWrongUrlSignaturesAreRefusedAndNothingIsStored() throws Exception {
        int before = runs("hubspot");
        byte[] body = hubspotBatch(42L);
        long millis = System.currentTimeMillis();
        String uri = "https://hooks.example.com/hooks/hubspot";
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(hubspot("/hooks/hubspot", body, millis, hubspotSignature("wrong", "POST", uri, body, millis)));
        responses.add(hubspot(
                "/hooks/hubspot",
                body,
                millis - 301_000,
                hubspotSignature(HUBSPOT_SECRET, "POST", uri, body, millis - 301_000)));
        // signed for the runtime's own address, while HubSpot is configured to call the public one
        responses.add(hubspot(
                "/hooks/hubspot",
                body,
                millis,
                hubspotSignature(
                        HUBSPOT_SECRET,
                        "POST",
                        "http://127.0.0.1:" + runtime.engine().httpPort() + "/hooks/hubspot",
                        body,
                        millis)));
        responses.add(post("/hooks/hubspot", body, "X-HubSpot-Request-Timestamp", Long.toString(millis)));
        responses.add(post(
                "/hooks/hubspot",
                body,
                "X-HubSpot-Signature-v3",
                hubspotSignature(HUBSPOT_SECRET, "POST", uri, body, millis)));
        allRefused("hubspot", "hubspot-in", before, responses);
    }
}
