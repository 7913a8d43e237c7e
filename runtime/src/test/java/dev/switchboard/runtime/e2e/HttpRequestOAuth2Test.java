package dev.switchboard.runtime.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * http.request with {@code auth: oauth2} in a real engine: WireMock is both the token endpoint
 * and the API. Each test has its own client id, so the engine's token cache does not mix them.
 */
class HttpRequestOAuth2Test {
    static final String SECRET = "very-secret-42";
    static WireMockServer server;
    static Engine engine;
    static final List<RunRecord> RUNS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0),
                        ConnectorCatalog.load(),
                        SecretResolver.of(Map.of("CLIENT_SECRET", SECRET)))
                .start();
        engine.addRunListener(RUNS::add);
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.stop();
    }

    /** inject → http.request (oauth2, POST /api/{id}) → capture; retries are quick so a wrong one shows. */
    static void deploy(String id) throws Exception {
        engine.deploy(chain(
                id,
                node("in", "test.inject", "channel", id),
                node(
                        "call",
                        "http.request",
                        "url",
                        server.baseUrl() + "/api/" + id,
                        "auth",
                        "oauth2",
                        "tokenUrl",
                        server.baseUrl() + "/token/" + id,
                        "clientId",
                        "client-" + id,
                        "clientSecret",
                        "{{secret:CLIENT_SECRET}}",
                        "scope",
                        "leads:write",
                        "retries",
                        2,
                        "retryBackoff",
                        "20ms",
                        "timeout",
                        "5s"),
                node("out", "test.capture", "sink", id)));
    }

    static void tokens(String id, String... tokens) {
        for (int i = 0; i < tokens.length; i++) {
            server.stubFor(post(urlEqualTo("/token/" + id))
                    .inScenario("token-" + id)
                    .whenScenarioStateIs(i == 0 ? "Started" : "t" + i)
                    .willReturn(okJson("{\"access_token\": \"" + tokens[i] + "\", \"expires_in\": 3600}"))
                    .willSetStateTo("t" + (i + 1)));
        }
    }

    static int tokenRequests(String id) {
        return server.findAll(postRequestedFor(urlEqualTo("/token/" + id))).size();
    }

    static List<String> apiAuthorizations(String id) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + id))).stream()
                .map(r -> r.getHeader("Authorization"))
                .toList();
    }

    static List<RunRecord> runsUntilSettled(String flowId, int events) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> RUNS.stream()
                                .filter(r -> r.flowId().equals(flowId) && r.status() != RunRecord.RunStatus.RETRYING)
                                .count()
                        >= events);
        return RUNS.stream().filter(r -> r.flowId().equals(flowId)).toList();
    }

    @Test
    void oneTokenServesEveryEventAndAnUndeployDropsIt() throws Exception {
        tokens("many", "tok-1", "tok-2");
        server.stubFor(post(urlEqualTo("/api/many")).willReturn(aResponse().withStatus(201)));
        deploy("many");

        for (int i = 0; i < 5; i++) {
            InjectConnector.send(engine.camel(), "many", "{\"n\": " + i + "}");
        }

        assertThat(runsUntilSettled("many", 5)).allMatch(r -> r.status() == RunRecord.RunStatus.SUCCESS);
        assertThat(tokenRequests("many")).isEqualTo(1);
        assertThat(apiAuthorizations("many")).hasSize(5).containsOnly("Bearer tok-1");
        assertThat(CaptureConnector.events("many")).hasSize(5);

        // a hot replace keeps the token: the new version leases it before the old one lets go
        deploy("many");
        InjectConnector.send(engine.camel(), "many", "{}");
        assertThat(tokenRequests("many")).isEqualTo(1);

        engine.undeploy("many");
        deploy("many");
        InjectConnector.send(engine.camel(), "many", "{}");
        assertThat(tokenRequests("many")).as("undeploy dropped the token").isEqualTo(2);
        assertThat(apiAuthorizations("many")).last().isEqualTo("Bearer tok-2");
    }

    @Test
    void aRejectedTokenIsRenewedOnceAndTheRequestSentAgain() throws Exception {
        tokens("renew", "revoked", "fresh");
        server.stubFor(post(urlEqualTo("/api/renew"))
                .withHeader("Authorization", equalTo("Bearer revoked"))
                .willReturn(aResponse().withStatus(401).withBody("token revoked")));
        server.stubFor(post(urlEqualTo("/api/renew"))
                .withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(okJson("{\"ok\": true}")));
        deploy("renew");

        InjectConnector.send(engine.camel(), "renew", "{}");

        assertThat(runsUntilSettled("renew", 1))
                .extracting(RunRecord::status)
                .containsExactly(RunRecord.RunStatus.SUCCESS);
        assertThat(apiAuthorizations("renew")).containsExactly("Bearer revoked", "Bearer fresh");
        assertThat(tokenRequests("renew")).isEqualTo(2);
        assertThat(CaptureConnector.events("renew")
                        .get(0)
                        .data()
                        .path("body")
                        .path("ok")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aSecond401FailsWithTheApisAnswerAndIsNotRetried() throws Exception {
        tokens("denied", "a", "b", "c");
        server.stubFor(post(urlEqualTo("/api/denied"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"insufficient_scope\"}")));
        deploy("denied");

        assertThatThrownBy(() -> InjectConnector.send(engine.camel(), "denied", "{}"))
                .rootCause()
                .hasMessageContaining("answered 401");

        List<RunRecord> runs = runsUntilSettled("denied", 1);
        assertThat(runs).extracting(RunRecord::status).containsExactly(RunRecord.RunStatus.FAILED);
        assertThat(runs.get(0).error())
                .contains("POST " + server.baseUrl() + "/api/denied answered 401: {\"error\": \"insufficient_scope\"}")
                .contains("again with a new OAuth2 access token");
        assertThat(apiAuthorizations("denied")).containsExactly("Bearer a", "Bearer b");
        assertThat(tokenRequests("denied")).isEqualTo(2);
    }

    @Test
    void anInvalidClientFailsNamingItWithoutRetryAndWithoutTheSecret() throws Exception {
        server.stubFor(post(urlEqualTo("/token/bad"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"invalid_client\", \"error_description\": \"unknown secret " + SECRET
                                + "\"}")));
        deploy("bad");

        assertThatThrownBy(() -> InjectConnector.send(engine.camel(), "bad", "{}"))
                .rootCause()
                .hasMessageContaining("invalid_client");

        List<RunRecord> runs = runsUntilSettled("bad", 1);
        assertThat(runs).extracting(RunRecord::status).containsExactly(RunRecord.RunStatus.FAILED);
        assertThat(runs.get(0).error())
                .contains("OAuth2 token request to " + server.baseUrl() + "/token/bad answered 401: invalid_client")
                .doesNotContain(SECRET);
        assertThat(tokenRequests("bad")).isEqualTo(1);
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/bad")))).isEmpty();
        server.verify(postRequestedFor(urlEqualTo("/token/bad"))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=leads%3Awrite")));
    }

    @Test
    void aTokenEndpointThatIsDownIsRetriedByThePolicy() throws Exception {
        server.stubFor(post(urlEqualTo("/token/later"))
                .inScenario("later")
                .whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503).withBody("maintenance"))
                .willSetStateTo("up"));
        server.stubFor(post(urlEqualTo("/token/later"))
                .inScenario("later")
                .whenScenarioStateIs("up")
                .willReturn(okJson("{\"access_token\": \"t\"}")));
        server.stubFor(post(urlEqualTo("/api/later")).willReturn(aResponse().withStatus(204)));
        deploy("later");

        InjectConnector.send(engine.camel(), "later", "{}");

        List<RunRecord> runs = runsUntilSettled("later", 1);
        assertThat(runs)
                .extracting(RunRecord::status)
                .containsExactly(RunRecord.RunStatus.RETRYING, RunRecord.RunStatus.SUCCESS);
        assertThat(runs.get(0).error()).contains("answered 503: maintenance");
        assertThat(apiAuthorizations("later")).containsExactly("Bearer t");
    }
}
