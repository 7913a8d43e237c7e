package dev.switchboard.runtime.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SaaS actions against WireMock servers that answer like Slack, GitHub and HubSpot do: their
 * paths, their auth checks (a request without the right token gets the vendor's 401 shape), their
 * error bodies and rate limits. Each node sends once; the runtime retries from the inbox.
 */
class SaasActionsTest {
    static final String SLACK_TOKEN = "xoxb-1111-2222-secret";
    static final String GITHUB_TOKEN = "ghp_secretgithubtoken";
    static final String HUBSPOT_TOKEN = "pat-na1-secret-hubspot";

    static WireMockServer slack;
    static WireMockServer github;
    static WireMockServer hubspot;
    static Engine engine;
    static final List<RunRecord> RUNS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        slack = server();
        github = server();
        hubspot = server();
        // without the right token every vendor answers in its own way
        slack.stubFor(
                post(anyUrl()).atPriority(10).willReturn(json(200, "{\"ok\": false, \"error\": \"not_authed\"}")));
        slack.stubFor(post(anyUrl())
                .atPriority(9)
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(json(200, "{\"ok\": false, \"error\": \"invalid_auth\"}")));
        github.stubFor(post(anyUrl())
                .atPriority(10)
                .willReturn(json(
                        401,
                        "{\"message\": \"Bad credentials\", \"documentation_url\": "
                                + "\"https://docs.github.com/rest\", \"status\": \"401\"}")));
        hubspot.stubFor(post(anyUrl())
                .atPriority(10)
                .willReturn(json(
                        401,
                        "{\"status\": \"error\", \"message\": \"Authentication credentials not found. This API "
                                + "supports OAuth 2.0 authentication and you can find more details at "
                                + "https://developers.hubspot.com/docs/methods/auth/oauth-overview\", "
                                + "\"correlationId\": \"3e7c1b9e-0b7a-4e0a-9c59-4f1f1b0b1b1b\", "
                                + "\"category\": \"INVALID_AUTHENTICATION\"}")));
        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0),
                        ConnectorCatalog.load(),
                        SecretResolver.of(Map.of(
                                "SLACK_TOKEN", SLACK_TOKEN,
                                "GITHUB_TOKEN", GITHUB_TOKEN,
                                "HUBSPOT_TOKEN", HUBSPOT_TOKEN,
                                "WRONG", "wrong-token")))
                .start();
        engine.addRunListener(RUNS::add);
    }

    @AfterAll
    static void stop() {
        engine.close();
        slack.stop();
        github.stop();
        hubspot.stop();
    }

    static WireMockServer server() {
        WireMockServer server =
                new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    static com.github.tomakehurst.wiremock.matching.StringValuePattern matching(String regex) {
        return com.github.tomakehurst.wiremock.client.WireMock.matching(regex);
    }

    /** Slack's chat.postMessage as the bot token may call it. */
    static MappingBuilder slackPost() {
        return post(urlEqualTo("/api/chat.postMessage"))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + SLACK_TOKEN))
                .withHeader("Content-Type", matching("(?i)application/json.*"));
    }

    static MappingBuilder githubPost(String path) {
        return post(urlEqualTo(path))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + GITHUB_TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"));
    }

    static MappingBuilder hubspotUpsert(String email) {
        return post(urlEqualTo("/crm/v3/objects/contacts/batch/upsert"))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + HUBSPOT_TOKEN))
                .withRequestBody(matchingJsonPath("$.inputs[0].idProperty", equalTo("email")))
                .withRequestBody(matchingJsonPath("$.inputs[0].id", equalTo(email)));
    }

    static ConfigValue fastRetry() {
        return ConfigValue.object("attempts", 3, "backoff", "20ms");
    }

    static void deploy(String id, String type, Object... config) throws Exception {
        engine.deploy(chain(
                id,
                node("in", "test.inject", "channel", id),
                node("call", type, config),
                node("out", "test.capture", "sink", id)));
    }

    static List<RunRecord> runsUntilSettled(String flowId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        RUNS.stream().anyMatch(r -> r.flowId().equals(flowId) && r.status() != RunStatus.RETRYING));
        return RUNS.stream().filter(r -> r.flowId().equals(flowId)).toList();
    }

    static RunRecord failedAtOnce(String flowId, String data, String... expected) {
        assertThatThrownBy(() -> InjectConnector.send(engine.camel(), flowId, data))
                .rootCause()
                .hasMessageContaining(expected[0]);
        List<RunRecord> runs = runsUntilSettled(flowId);
        assertThat(runs).extracting(RunRecord::status).containsExactly(RunStatus.FAILED);
        assertThat(runs.get(0).error()).contains(expected);
        assertThat(runs.get(0).error()).doesNotContain(SLACK_TOKEN, GITHUB_TOKEN, HUBSPOT_TOKEN, "wrong-token");
        assertThat(CaptureConnector.events(flowId)).isEmpty();
        return runs.get(0);
    }

    static long gapMillis(WireMockServer server, String path, String bodyPart) {
        List<ServeEvent> served = server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path)
                        && e.getRequest().getBodyAsString().contains(bodyPart))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
        assertThat(served).hasSize(2);
        return served.get(1).getRequest().getLoggedDate().getTime()
                - served.get(0).getRequest().getLoggedDate().getTime();
    }

    // ---- Slack -------------------------------------------------------------------------------

    @Test
    void slackPostsTextBlocksAndThreadAndAddsTsAndChannel() throws Exception {
        slack.stubFor(slackPost()
                .withRequestBody(matchingJsonPath("$.channel", equalTo("C0TEAM")))
                .willReturn(json(
                        200,
                        "{\"ok\": true, \"channel\": \"C0TEAM\", \"ts\": \"1700000000.000200\", "
                                + "\"message\": {\"type\": \"message\", \"text\": \"x\"}}")));
        deploy(
                "slack-ok",
                "slack.post",
                "token",
                "{{secret:SLACK_TOKEN}}",
                "baseUrl",
                slack.baseUrl() + "/api",
                "channel",
                "{{data.channel}}",
                "text",
                "Order {{data.id}} from {{data.customer}}",
                "blocks",
                "[{\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", \"text\": \"*{{data.customer}}*\"}}]",
                "threadTs",
                "{{data.thread}}");

        InjectConnector.send(
                engine.camel(),
                "slack-ok",
                "{\"id\": 42, \"customer\": \"Ada \\\"L\\\"\", \"channel\": \"C0TEAM\", \"thread\": \"1699.1\"}");

        assertThat(runsUntilSettled("slack-ok")).extracting(RunRecord::status).containsExactly(RunStatus.SUCCESS);
        Event out = CaptureConnector.events("slack-ok").get(0);
        assertThat(out.data().path("id").asInt()).isEqualTo(42);
        assertThat(out.data().path("slack"))
                .isEqualTo(Json.parse(
                        "{\"channel\": \"C0TEAM\", \"ts\": \"1700000000.000200\", \"threadTs\": \"1699.1\"}"));
        assertThat(slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                        .withRequestBody(matchingJsonPath("$.channel", equalTo("C0TEAM")))))
                .singleElement()
                .satisfies(r -> assertThat(Json.parse(r.getBodyAsString()))
                        .isEqualTo(Json.parse("{\"channel\": \"C0TEAM\", \"text\": \"Order 42 from Ada \\\"L\\\"\", "
                                + "\"blocks\": [{\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", "
                                + "\"text\": \"*Ada \\\"L\\\"*\"}}], \"thread_ts\": \"1699.1\"}")));
    }

    @Test
    void slackOkFalseChannelNotFoundFailsAtOnceWithSlacksErrorCode() throws Exception {
        slack.stubFor(slackPost()
                .withRequestBody(matchingJsonPath("$.channel", equalTo("C0GONE")))
                .willReturn(json(200, "{\"ok\": false, \"error\": \"channel_not_found\"}")));
        deploy(
                "slack-gone",
                "slack.post",
                "token",
                "{{secret:SLACK_TOKEN}}",
                "baseUrl",
                slack.baseUrl() + "/api",
                "channel",
                "C0GONE",
                "text",
                "hello",
                "retry",
                fastRetry());

        failedAtOnce("slack-gone", "{}", "Slack chat.postMessage failed: channel_not_found");
        assertThat(slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                        .withRequestBody(matchingJsonPath("$.channel", equalTo("C0GONE")))))
                .hasSize(1);
    }

    @Test
    void slackWithAWrongTokenIsAnAuthFailureNotRetried() throws Exception {
        deploy(
                "slack-auth",
                "slack.post",
                "token",
                "{{secret:WRONG}}",
                "baseUrl",
                slack.baseUrl() + "/api",
                "channel",
                "C0AUTH",
                "text",
                "hello",
                "retry",
                fastRetry());

        failedAtOnce("slack-auth", "{}", "Slack chat.postMessage failed: invalid_auth");
    }

    @Test
    void slack429WithRetryAfterIsRetriedNoSoonerThanAsked() throws Exception {
        slack.stubFor(slackPost()
                .withRequestBody(matchingJsonPath("$.channel", equalTo("C0BUSY")))
                .inScenario("slack-busy")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                        json(429, "{\"ok\": false, \"error\": \"ratelimited\"}").withHeader("Retry-After", "1"))
                .willSetStateTo("open"));
        slack.stubFor(slackPost()
                .withRequestBody(matchingJsonPath("$.channel", equalTo("C0BUSY")))
                .inScenario("slack-busy")
                .whenScenarioStateIs("open")
                .willReturn(json(200, "{\"ok\": true, \"channel\": \"C0BUSY\", \"ts\": \"1700000000.000300\"}")));
        deploy(
                "slack-busy",
                "slack.post",
                "token",
                "{{secret:SLACK_TOKEN}}",
                "baseUrl",
                slack.baseUrl() + "/api",
                "channel",
                "C0BUSY",
                "text",
                "hello",
                "retry",
                fastRetry());

        InjectConnector.send(engine.camel(), "slack-busy", "{}");

        List<RunRecord> runs = runsUntilSettled("slack-busy");
        assertThat(runs).extracting(RunRecord::status).containsExactly(RunStatus.RETRYING, RunStatus.SUCCESS);
        assertThat(runs.get(0).error()).contains("rate limited (429)");
        assertThat(gapMillis(slack, "/api/chat.postMessage", "C0BUSY")).isGreaterThanOrEqualTo(1000);
        assertThat(CaptureConnector.events("slack-busy")
                        .get(0)
                        .data()
                        .path("slack")
                        .path("ts")
                        .asText())
                .isEqualTo("1700000000.000300");
    }

    // ---- GitHub ------------------------------------------------------------------------------

    @Test
    void githubCreatesAnIssueWithLabelsAndAddsItsNumber() throws Exception {
        github.stubFor(githubPost("/repos/octo-org/shop/issues")
                .withRequestBody(equalToJson("{\"title\": \"Order 42 failed\", \"body\": \"Carrier: DHL\", "
                        + "\"labels\": [\"bug\", \"shipping\"]}"))
                .willReturn(json(
                        201,
                        "{\"id\": 1, \"node_id\": \"MDU6SXNzdWUx\", \"number\": 1347, \"state\": \"open\", "
                                + "\"html_url\": \"https://github.com/octo-org/shop/issues/1347\", "
                                + "\"url\": \"https://api.github.com/repos/octo-org/shop/issues/1347\"}")));
        github.stubFor(githubPost("/repos/octo-org/shop/issues/1347/comments")
                .withRequestBody(equalToJson("{\"body\": \"Shipped: T-1\"}"))
                .willReturn(json(
                        201,
                        "{\"id\": 11, \"html_url\": "
                                + "\"https://github.com/octo-org/shop/issues/1347#issuecomment-11\"}")));
        engine.deploy(chain(
                "gh-ok",
                node("in", "test.inject", "channel", "gh-ok"),
                node(
                        "issue",
                        "github.issue",
                        "token",
                        "{{secret:GITHUB_TOKEN}}",
                        "baseUrl",
                        github.baseUrl(),
                        "owner",
                        "octo-org",
                        "repo",
                        "{{data.repo}}",
                        "title",
                        "Order {{data.id}} failed",
                        "body",
                        "Carrier: {{data.carrier}}",
                        "labels",
                        "{{data.labels}}"),
                node(
                        "comment",
                        "github.comment",
                        "token",
                        "{{secret:GITHUB_TOKEN}}",
                        "baseUrl",
                        github.baseUrl(),
                        "owner",
                        "octo-org",
                        "repo",
                        "shop",
                        "number",
                        "{{data.github.number}}",
                        "body",
                        "Shipped: {{data.tracking}}"),
                node("out", "test.capture", "sink", "gh-ok")));

        InjectConnector.send(
                engine.camel(),
                "gh-ok",
                "{\"id\": 42, \"repo\": \"shop\", \"carrier\": \"DHL\", \"labels\": [\"bug\", \"shipping\"], "
                        + "\"tracking\": \"T-1\"}");

        assertThat(runsUntilSettled("gh-ok")).extracting(RunRecord::status).containsExactly(RunStatus.SUCCESS);
        assertThat(github.findAll(postRequestedFor(urlEqualTo("/repos/octo-org/shop/issues")))
                        .get(0)
                        .header("Accept")
                        .values())
                .containsExactly("application/vnd.github+json");
        assertThat(CaptureConnector.events("gh-ok").get(0).data().path("github"))
                .isEqualTo(Json.parse("{\"number\": 1347, \"commentId\": 11, "
                        + "\"url\": \"https://github.com/octo-org/shop/issues/1347#issuecomment-11\"}"));
    }

    @Test
    void githubBadCredentialsIsAnAuthFailureNotRetried() throws Exception {
        deploy(
                "gh-auth",
                "github.issue",
                "token",
                "{{secret:WRONG}}",
                "baseUrl",
                github.baseUrl(),
                "owner",
                "octo-org",
                "repo",
                "shop",
                "title",
                "x",
                "retry",
                fastRetry());

        failedAtOnce("gh-auth", "{}", "failed authentication (401): Bad credentials");
    }

    @Test
    void githubNotFoundAndValidationFailedCarryGitHubsMessageAndAreNotRetried() throws Exception {
        github.stubFor(
                githubPost("/repos/octo-org/gone/issues")
                        .willReturn(
                                json(
                                        404,
                                        "{\"message\": \"Not Found\", \"documentation_url\": "
                                                + "\"https://docs.github.com/rest/issues/issues#create-an-issue\", \"status\": \"404\"}")));
        github.stubFor(githubPost("/repos/octo-org/shop/issues/7/comments")
                .willReturn(json(
                        422,
                        "{\"message\": \"Validation Failed\", \"errors\": [{\"resource\": \"IssueComment\", "
                                + "\"code\": \"missing_field\", \"field\": \"body\"}], \"documentation_url\": "
                                + "\"https://docs.github.com/rest\", \"status\": \"422\"}")));
        deploy(
                "gh-404",
                "github.issue",
                "token",
                "{{secret:GITHUB_TOKEN}}",
                "baseUrl",
                github.baseUrl(),
                "owner",
                "octo-org",
                "repo",
                "gone",
                "title",
                "x",
                "retry",
                fastRetry());
        deploy(
                "gh-422",
                "github.comment",
                "token",
                "{{secret:GITHUB_TOKEN}}",
                "baseUrl",
                github.baseUrl(),
                "owner",
                "octo-org",
                "repo",
                "shop",
                "number",
                "7",
                "body",
                "{{data.missing}}",
                "retry",
                fastRetry());

        failedAtOnce("gh-404", "{}", "GitHub POST /repos/octo-org/gone/issues answered 404: Not Found");
        failedAtOnce("gh-422", "{}", "answered 422: Validation Failed (body missing_field)");
        assertThat(github.findAll(postRequestedFor(urlEqualTo("/repos/octo-org/gone/issues"))))
                .hasSize(1);
        assertThat(github.findAll(postRequestedFor(urlEqualTo("/repos/octo-org/shop/issues/7/comments"))))
                .hasSize(1);
    }

    @Test
    void githubRateLimitExhaustedWaitsUntilTheReset() throws Exception {
        // a few seconds ahead: the deploy below takes time, and a reset already past means "retry now"
        long reset = Instant.now().plusSeconds(3).getEpochSecond();
        github.stubFor(githubPost("/repos/octo-org/busy/issues")
                .inScenario("gh-busy")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(
                                403,
                                "{\"message\": \"API rate limit exceeded for user ID 1.\", \"documentation_url\": "
                                        + "\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\"}")
                        .withHeader("x-ratelimit-limit", "5000")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-used", "5000")
                        .withHeader("x-ratelimit-reset", Long.toString(reset)))
                .willSetStateTo("open"));
        github.stubFor(githubPost("/repos/octo-org/busy/issues")
                .inScenario("gh-busy")
                .whenScenarioStateIs("open")
                .willReturn(json(
                        201,
                        "{\"id\": 2, \"number\": 5, \"html_url\": \"https://github.com/octo-org/busy/issues/5\"}")));
        deploy(
                "gh-busy",
                "github.issue",
                "token",
                "{{secret:GITHUB_TOKEN}}",
                "baseUrl",
                github.baseUrl(),
                "owner",
                "octo-org",
                "repo",
                "busy",
                "title",
                "x",
                "retry",
                fastRetry());

        InjectConnector.send(engine.camel(), "gh-busy", "{}");

        List<RunRecord> runs = runsUntilSettled("gh-busy");
        assertThat(runs).extracting(RunRecord::status).containsExactly(RunStatus.RETRYING, RunStatus.SUCCESS);
        assertThat(runs.get(0).error()).contains("rate limited (403): API rate limit exceeded");
        assertThat(gapMillis(github, "/repos/octo-org/busy/issues", "")).isGreaterThanOrEqualTo(1000);
        assertThat(CaptureConnector.events("gh-busy")
                        .get(0)
                        .data()
                        .path("github")
                        .path("number")
                        .asInt())
                .isEqualTo(5);
    }

    // ---- HubSpot -----------------------------------------------------------------------------

    @Test
    void hubspotUpsertsTheContactByEmailAndAddsItsId() throws Exception {
        hubspot.stubFor(
                hubspotUpsert("ada@example.com")
                        .withRequestBody(
                                equalToJson("{\"inputs\": [{\"idProperty\": \"email\", \"id\": \"ada@example.com\", "
                                        + "\"properties\": {\"email\": \"ada@example.com\", \"firstname\": \"Ada\", "
                                        + "\"lifecyclestage\": \"lead\"}}]}"))
                        .willReturn(
                                json(
                                        200,
                                        "{\"status\": \"COMPLETE\", \"results\": [{\"id\": \"512\", \"properties\": "
                                                + "{\"email\": \"ada@example.com\", \"firstname\": \"Ada\"}, "
                                                + "\"createdAt\": \"2024-01-01T00:00:00Z\", \"updatedAt\": \"2024-01-01T00:00:00Z\", "
                                                + "\"archived\": false, \"new\": true}], "
                                                + "\"startedAt\": \"2024-01-01T00:00:00Z\", \"completedAt\": \"2024-01-01T00:00:00Z\"}")));
        deploy(
                "hs-ok",
                "hubspot.contact",
                "token",
                "{{secret:HUBSPOT_TOKEN}}",
                "baseUrl",
                hubspot.baseUrl(),
                "email",
                "{{data.email}}",
                "properties",
                ConfigValue.object("firstname", "{{data.first}}", "lifecyclestage", "lead"));

        InjectConnector.send(engine.camel(), "hs-ok", "{\"email\": \"ada@example.com\", \"first\": \"Ada\"}");

        assertThat(runsUntilSettled("hs-ok")).extracting(RunRecord::status).containsExactly(RunStatus.SUCCESS);
        assertThat(CaptureConnector.events("hs-ok").get(0).data())
                .isEqualTo(Json.parse("{\"email\": \"ada@example.com\", \"first\": \"Ada\", "
                        + "\"hubspot\": {\"id\": \"512\", \"created\": true}}"));
    }

    @Test
    void hubspotWithoutValidTokenIsAnAuthFailureNotRetried() throws Exception {
        deploy(
                "hs-auth",
                "hubspot.contact",
                "token",
                "{{secret:WRONG}}",
                "baseUrl",
                hubspot.baseUrl(),
                "email",
                "ada@example.com",
                "retry",
                fastRetry());

        failedAtOnce("hs-auth", "{}", "failed authentication (401): Authentication credentials not found");
    }

    @Test
    void hubspotValidationErrorCarriesHubSpotsMessageAndIsNotRetried() throws Exception {
        hubspot.stubFor(hubspotUpsert("not-an-address")
                .willReturn(json(
                        400,
                        "{\"status\": \"error\", \"message\": \"Property values were not valid: "
                                + "[{\\\"isValid\\\":false,\\\"message\\\":\\\"Email address not-an-address is "
                                + "invalid\\\",\\\"error\\\":\\\"INVALID_EMAIL\\\",\\\"name\\\":\\\"email\\\"}]\", "
                                + "\"correlationId\": \"b4f1\", \"category\": \"VALIDATION_ERROR\"}")));
        deploy(
                "hs-400",
                "hubspot.contact",
                "token",
                "{{secret:HUBSPOT_TOKEN}}",
                "baseUrl",
                hubspot.baseUrl(),
                "email",
                "{{data.email}}",
                "retry",
                fastRetry());

        failedAtOnce(
                "hs-400",
                "{\"email\": \"not-an-address\"}",
                "answered 400: Property values were not valid",
                "INVALID_EMAIL",
                "[VALIDATION_ERROR]");
    }

    @Test
    void hubspot429IsRetriedAfterTheRateLimitWindow() throws Exception {
        hubspot.stubFor(hubspotUpsert("busy@example.com")
                .inScenario("hs-busy")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(
                                429,
                                "{\"status\": \"error\", \"message\": \"You have reached your "
                                        + "ten_secondly_rolling limit.\", \"errorType\": \"RATE_LIMIT\", "
                                        + "\"correlationId\": \"c0ff\", \"policyName\": \"TEN_SECONDLY_ROLLING\"}")
                        .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "1000")
                        .withHeader("X-HubSpot-RateLimit-Max", "100")
                        .withHeader("X-HubSpot-RateLimit-Remaining", "0"))
                .willSetStateTo("open"));
        hubspot.stubFor(hubspotUpsert("busy@example.com")
                .inScenario("hs-busy")
                .whenScenarioStateIs("open")
                .willReturn(json(200, "{\"status\": \"COMPLETE\", \"results\": [{\"id\": \"77\", \"new\": false}]}")));
        deploy(
                "hs-busy",
                "hubspot.contact",
                "token",
                "{{secret:HUBSPOT_TOKEN}}",
                "baseUrl",
                hubspot.baseUrl(),
                "email",
                "busy@example.com",
                "retry",
                fastRetry());

        InjectConnector.send(engine.camel(), "hs-busy", "\"plain\"");

        List<RunRecord> runs = runsUntilSettled("hs-busy");
        assertThat(runs).extracting(RunRecord::status).containsExactly(RunStatus.RETRYING, RunStatus.SUCCESS);
        assertThat(runs.get(0).error()).contains("answered 429: You have reached your ten_secondly_rolling limit.");
        assertThat(gapMillis(hubspot, "/crm/v3/objects/contacts/batch/upsert", "busy@example.com"))
                .isGreaterThanOrEqualTo(1000);
        assertThat(CaptureConnector.events("hs-busy").get(0).data())
                .isEqualTo(Json.parse("{\"value\": \"plain\", \"hubspot\": {\"id\": \"77\", \"created\": false}}"));
    }
}
