package dev.switchboard.runtime.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ByteSizes;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.webhook.WebhookAuth;
import dev.switchboard.connector.webhook.WebhookConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real POSTs into a webhook → http.request flow, against a WireMock target on loopback. */
class WebhookFlowTest {
    static final String HOOK_SECRET = "s3cret-signing-key";
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static WireMockServer target;
    static Engine engine;

    @BeforeAll
    static void start() throws Exception {
        target = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        target.start();
        target.stubFor(post(urlEqualTo("/crm/leads"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"created\": true}")));
        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0),
                        ConnectorCatalog.load(),
                        SecretResolver.of(Map.of(
                                "HOOK_SECRET",
                                HOOK_SECRET,
                                "HOOK_TOKEN",
                                "hook-token",
                                "HOOK_PASSWORD",
                                "hook-password",
                                "CRM_TOKEN",
                                "crm-token")))
                .start();
        engine.deploy(chain(
                "leads",
                node(
                        "hook",
                        "webhook",
                        "path",
                        "/hooks/leads",
                        "auth",
                        "hmac-sha256",
                        "secret",
                        "{{secret:HOOK_SECRET}}"),
                node(
                        "crm",
                        "http.request",
                        "method",
                        "POST",
                        "url",
                        target.baseUrl() + "/crm/leads",
                        "auth",
                        "bearer",
                        "token",
                        "{{secret:CRM_TOKEN}}",
                        "idempotencyKey",
                        true,
                        "retries",
                        0,
                        "headers",
                        Map.of("X-Lead-Source", "{{httpxsource | default:'unknown'}}"),
                        "body",
                        "{\"name\": \"{{data.name}}\", \"score\": \"{{data.score}}\", \"via\": \"{{subject}}\"}"),
                node("done", "test.capture", "sink", "leads-out")));
        engine.deploy(chain(
                "bearer",
                node("hook", "webhook", "path", "/hooks/bearer", "auth", "bearer", "token", "{{secret:HOOK_TOKEN}}"),
                node("seen", "test.capture", "sink", "bearer-in")));
        engine.deploy(chain(
                "basic",
                node(
                        "hook",
                        "webhook",
                        "path",
                        "/hooks/basic",
                        "method",
                        "PUT",
                        "auth",
                        "basic",
                        "username",
                        "acme",
                        "password",
                        "{{secret:HOOK_PASSWORD}}"),
                node("seen", "test.capture", "sink", "basic-in")));
        engine.deploy(chain(
                "stamped",
                node(
                        "hook",
                        "webhook",
                        "path",
                        "/hooks/stamped",
                        "auth",
                        "hmac-sha256",
                        "secret",
                        "{{secret:HOOK_SECRET}}",
                        "timestampHeader",
                        "X-Signature-Timestamp",
                        "tolerance",
                        "5m"),
                node("seen", "test.capture", "sink", "stamped-in")));
        engine.deploy(chain(
                "open",
                node("hook", "webhook", "path", "/hooks/open", "eventType", "com.example.ping"),
                node("seen", "test.capture", "sink", "open-in")));
    }

    @AfterAll
    static void stop() {
        engine.close();
        target.stop();
    }

    static HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.httpBaseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> signedPost(String body, String... headers) throws Exception {
        String signature = WebhookAuth.signature(HOOK_SECRET, body.getBytes(StandardCharsets.UTF_8));
        String[] all = new String[headers.length + 2];
        all[0] = "X-Signature-256";
        all[1] = signature;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", "/hooks/leads", "application/json", body, all);
    }

    static List<LoggedRequest> crmRequests() {
        return target.findAll(postRequestedFor(urlEqualTo("/crm/leads")));
    }

    @Test
    void signedPostsAreAcceptedAndReachTheTargetWithExactlyTheExpectedBodiesAndHeaders() throws Exception {
        HttpResponse<String> first =
                signedPost("{\"name\": \"Ada \\\"the first\\\" Lovelace\", \"score\": 72}", "X-Source", "landing");
        HttpResponse<String> second = signedPost("{\"name\": \"Grace\", \"score\": 88.5}");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(first.headers().map())
                .doesNotContainKeys("X-Signature-256", "x-signature-256", "X-Source", "x-source");
        String firstId = Json.parse(first.body()).path("id").asText();
        String secondId = Json.parse(second.body()).path("id").asText();
        assertThat(Json.parse(first.body()).size()).isEqualTo(1);
        assertThat(firstId).isNotBlank().isNotEqualTo(secondId);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> CaptureConnector.events("leads-out").stream()
                                .filter(e -> e.id().equals(firstId) || e.id().equals(secondId))
                                .count()
                        == 2);
        List<LoggedRequest> received = crmRequests().stream()
                .filter(r -> List.of(firstId, secondId).contains(r.getHeader("Idempotency-Key")))
                .toList();
        assertThat(received).hasSize(2);
        LoggedRequest ada = received.stream()
                .filter(r -> r.getHeader("Idempotency-Key").equals(firstId))
                .findFirst()
                .orElseThrow();
        assertThat(Json.parse(ada.getBodyAsString()))
                .isEqualTo(Json.parse(
                        "{\"name\": \"Ada \\\"the first\\\" Lovelace\", \"score\": 72, \"via\": \"/hooks/leads\"}"));
        assertThat(ada.getHeader("Authorization")).isEqualTo("Bearer crm-token");
        assertThat(ada.getHeader("Content-Type")).startsWith("application/json");
        assertThat(ada.getHeader("X-Lead-Source")).isEqualTo("landing");
        assertThat(ada.containsHeader("X-Signature-256")).isFalse();
        LoggedRequest grace = received.stream()
                .filter(r -> r.getHeader("Idempotency-Key").equals(secondId))
                .findFirst()
                .orElseThrow();
        assertThat(Json.parse(grace.getBodyAsString()))
                .isEqualTo(Json.parse("{\"name\": \"Grace\", \"score\": 88.5, \"via\": \"/hooks/leads\"}"));
        assertThat(grace.getHeader("X-Lead-Source")).isEqualTo("unknown");

        Event out = CaptureConnector.events("leads-out").stream()
                .filter(e -> e.id().equals(firstId))
                .findFirst()
                .orElseThrow();
        assertThat(out.type()).isEqualTo("dev.switchboard.webhook.received");
        assertThat(out.data().path("status").asInt()).isEqualTo(201);
        assertThat(out.data().path("body")).isEqualTo(Json.parse("{\"created\": true}"));
        assertThat(out.data().path("headers").path("content-type").asText()).isEqualTo("application/json");
    }

    @Test
    void aWrongOrMissingSignatureGets401AndNothingRuns() throws Exception {
        String body = "{\"name\": \"Mallory\", \"marker\": \"forged\"}";
        HttpResponse<String> wrong = send(
                "POST",
                "/hooks/leads",
                "application/json",
                body,
                "X-Signature-256",
                WebhookAuth.signature("not-the-secret", body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> missing = send("POST", "/hooks/leads", "application/json", body);
        HttpResponse<String> tampered = send(
                "POST",
                "/hooks/leads",
                "application/json",
                body.replace("Mallory", "Mallorz"),
                "X-Signature-256",
                WebhookAuth.signature(HOOK_SECRET, body.getBytes(StandardCharsets.UTF_8)));

        for (HttpResponse<String> response : List.of(wrong, missing, tampered)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(Json.parse(response.body()).path("error").asText()).isEqualTo("unauthorized");
            assertThat(response.body()).doesNotContain("Mallory");
        }
        // a correctly signed call afterwards runs; the rejected ones never reached the target
        HttpResponse<String> good = signedPost("{\"name\": \"Trent\", \"marker\": \"genuine\"}");
        assertThat(good.statusCode()).isEqualTo(202);
        String goodId = Json.parse(good.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> crmRequests().stream().anyMatch(r -> goodId.equals(r.getHeader("Idempotency-Key"))));
        assertThat(crmRequests()).noneMatch(r -> r.getBodyAsString().contains("Mallor"));
    }

    @Test
    void aSignatureWithoutTheSha256PrefixIsRefused() throws Exception {
        String body = "{\"name\": \"Bare\", \"marker\": \"unprefixed\"}";
        String bareHex = WebhookAuth.signature(HOOK_SECRET, body.getBytes(StandardCharsets.UTF_8))
                .substring("sha256=".length());

        HttpResponse<String> response =
                send("POST", "/hooks/leads", "application/json", body, "X-Signature-256", bareHex);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Json.parse(response.body()).path("message").asText())
                .isEqualTo("The signature must start with sha256=");
        assertThat(crmRequests()).noneMatch(r -> r.getBodyAsString().contains("Bare"));
    }

    @Test
    void aTimestampedSignatureIsAcceptedOnceFreshAndARecordedRequestCannotBeReplayedLater() throws Exception {
        String body = "{\"marker\": \"stamped\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> fresh = send(
                "POST",
                "/hooks/stamped",
                "application/json",
                body,
                "X-Signature-Timestamp",
                Long.toString(now),
                "X-Signature-256",
                WebhookAuth.signature(HOOK_SECRET, now, bytes));
        // the same request as recorded by someone ten minutes ago, sent again now
        long then = now - 600;
        HttpResponse<String> replayed = send(
                "POST",
                "/hooks/stamped",
                "application/json",
                body,
                "X-Signature-Timestamp",
                Long.toString(then),
                "X-Signature-256",
                WebhookAuth.signature(HOOK_SECRET, then, bytes));
        // a fresh timestamp on the recorded signature
        HttpResponse<String> restamped = send(
                "POST",
                "/hooks/stamped",
                "application/json",
                body,
                "X-Signature-Timestamp",
                Long.toString(now),
                "X-Signature-256",
                WebhookAuth.signature(HOOK_SECRET, then, bytes));

        assertThat(fresh.statusCode()).isEqualTo(202);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(Json.parse(replayed.body()).path("message").asText())
                .isEqualTo(
                        "The timestamp is more than 5m away from the server's clock; sign each request with the current time");
        assertThat(restamped.statusCode()).isEqualTo(401);
        assertThat(Json.parse(restamped.body()).path("message").asText()).isEqualTo("Invalid signature");
        String id = Json.parse(fresh.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !CaptureConnector.events("stamped-in").isEmpty());
        assertThat(CaptureConnector.events("stamped-in")).extracting(Event::id).containsExactly(id);
    }

    @Test
    void aSignatureCoversAFormEncodedBodyByItsRawBytes() throws Exception {
        String form = "name=Form+Lead&score=61";
        HttpResponse<String> signed = send(
                "POST",
                "/hooks/leads",
                "application/x-www-form-urlencoded",
                form,
                "X-Signature-256",
                WebhookAuth.signature(HOOK_SECRET, form.getBytes(StandardCharsets.UTF_8)));

        assertThat(signed.statusCode()).isEqualTo(202);
        String id = Json.parse(signed.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> crmRequests().stream().anyMatch(r -> id.equals(r.getHeader("Idempotency-Key"))));
        LoggedRequest sent = crmRequests().stream()
                .filter(r -> id.equals(r.getHeader("Idempotency-Key")))
                .findFirst()
                .orElseThrow();
        assertThat(Json.parse(sent.getBodyAsString()).path("name").asText()).isEqualTo("Form Lead");
    }

    @Test
    void bearerTokenMustBePresentAndRight() throws Exception {
        HttpResponse<String> missing = send("POST", "/hooks/bearer", "application/json", "{\"marker\": \"none\"}");
        HttpResponse<String> wrong = send(
                "POST",
                "/hooks/bearer",
                "application/json",
                "{\"marker\": \"wrong\"}",
                "Authorization",
                "Bearer hook-tokem");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(wrong.statusCode()).isEqualTo(401);

        HttpResponse<String> right = send(
                "POST",
                "/hooks/bearer",
                "application/json",
                "{\"marker\": \"right\"}",
                "Authorization",
                "Bearer hook-token");
        assertThat(right.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !CaptureConnector.events("bearer-in").isEmpty());
        assertThat(CaptureConnector.events("bearer-in"))
                .extracting(e -> e.data().path("marker").asText())
                .containsExactly("right");
        assertThat(CaptureConnector.events("bearer-in").get(0).extensions()).doesNotContainKey("httpauthorization");
    }

    @Test
    void basicCredentialsMustMatchBothUserAndPassword() throws Exception {
        HttpResponse<String> wrongPassword = send(
                "PUT",
                "/hooks/basic",
                "application/json",
                "{\"marker\": \"a\"}",
                "Authorization",
                basic("acme", "guess"));
        HttpResponse<String> wrongUser = send(
                "PUT",
                "/hooks/basic",
                "application/json",
                "{\"marker\": \"b\"}",
                "Authorization",
                basic("acm", "hook-password"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Basic");
        assertThat(wrongUser.statusCode()).isEqualTo(401);

        HttpResponse<String> right = send(
                "PUT",
                "/hooks/basic",
                "application/json",
                "{\"marker\": \"c\"}",
                "Authorization",
                basic("acme", "hook-password"));
        assertThat(right.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !CaptureConnector.events("basic-in").isEmpty());
        assertThat(CaptureConnector.events("basic-in"))
                .extracting(e -> e.data().path("marker").asText())
                .containsExactly("c");
    }

    @Test
    void aBodyOverTheLimitGets413AndNothingRuns() throws Exception {
        String huge = "\"" + "x".repeat((int) ByteSizes.parse(WebhookConnector.DEFAULT_MAX_BODY_SIZE)) + "\"";
        assertThat(send("POST", "/hooks/open", "application/json", huge).statusCode())
                .isEqualTo(413);
        assertThat(CaptureConnector.events("open-in"))
                .noneMatch(e -> e.data().isTextual() && e.data().asText().startsWith("xxx"));
    }

    @Test
    void anotherMethodThanConfiguredGets405() throws Exception {
        assertThat(send("GET", "/hooks/open", null, "").statusCode()).isEqualTo(405);
        assertThat(send(
                                "POST",
                                "/hooks/basic",
                                "application/json",
                                "{}",
                                "Authorization",
                                basic("acme", "hook-password"))
                        .statusCode())
                .isEqualTo(405);
    }

    @Test
    void invalidJsonGets400WithAClearMessageAndTextIsWrappedAsAString() throws Exception {
        HttpResponse<String> invalid = send("POST", "/hooks/open", "application/json", "{\"name\": ");
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(invalid.body());
        assertThat(error.path("error").asText()).isEqualTo("bad_request");
        assertThat(error.path("message").asText()).startsWith("The body is not valid JSON");

        HttpResponse<String> text = send(
                "POST",
                "/hooks/open",
                "text/plain; charset=utf-8",
                "ping from the büro",
                "X-Request-Id",
                "r-17",
                "X-Api-Key",
                "must-not-travel",
                "User-Agent",
                "acme-sender/1.0");
        assertThat(text.statusCode()).isEqualTo(202);
        String id = Json.parse(text.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> CaptureConnector.events("open-in").stream().anyMatch(e -> e.id().equals(id)));
        Event event = CaptureConnector.events("open-in").stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(event.data().isTextual()).isTrue();
        assertThat(event.data().asText()).isEqualTo("ping from the büro");
        assertThat(event.type()).isEqualTo("com.example.ping");
        assertThat(event.subject()).isEqualTo("/hooks/open");
        assertThat(event.extensions())
                .containsEntry("httpxrequestid", "r-17")
                .containsEntry("httpuseragent", "acme-sender/1.0")
                .doesNotContainKey("httpxapikey");
    }

    @Test
    void formEncodedBodiesBecomeAnObjectOfTheirFields() throws Exception {
        HttpResponse<String> form =
                send("POST", "/hooks/open", "application/x-www-form-urlencoded", "marker=form&name=Ada+L&tag=a&tag=b");
        assertThat(form.statusCode()).isEqualTo(202);
        String id = Json.parse(form.body()).path("id").asText();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> CaptureConnector.events("open-in").stream().anyMatch(e -> e.id().equals(id)));
        Event event = CaptureConnector.events("open-in").stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(event.data().path("marker").asText()).isEqualTo("form");
        assertThat(event.data().path("name").asText()).isEqualTo("Ada L");
        assertThat(event.data().path("tag")).isEqualTo(Json.parse("[\"a\", \"b\"]"));
    }

    @Test
    void aRedeployedWebhookKeepsItsPathAndServesTheNewVersion() throws Exception {
        engine.deploy(chain(
                "swap",
                node("hook", "webhook", "path", "/hooks/swap", "eventType", "com.example.v1"),
                node("seen", "test.capture", "sink", "swap-in")));
        engine.deploy(chain(
                "swap",
                node("hook", "webhook", "path", "/hooks/swap", "eventType", "com.example.v2"),
                node("seen", "test.capture", "sink", "swap-in")));

        HttpResponse<String> response = send("POST", "/hooks/swap", "application/json", "{}");

        assertThat(response.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !CaptureConnector.events("swap-in").isEmpty());
        assertThat(CaptureConnector.events("swap-in")).extracting(Event::type).containsExactly("com.example.v2");
        engine.undeploy("swap");
        assertThat(send("POST", "/hooks/swap", "application/json", "{}").statusCode())
                .isEqualTo(404);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
