package dev.switchboard.runtime.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * http.request against a WireMock target that fails in the ways real APIs do. The node sends each
 * request once; the runtime retries by the node's policy ({@code retries}, {@code retryBackoff}),
 * each retry a run of its own that continues the failed one.
 */
class HttpRequestRetryTest {
    static WireMockServer target;
    static Engine engine;
    static final List<RunRecord> RUNS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        target = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        target.start();
        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0),
                        ConnectorCatalog.load(),
                        SecretResolver.of(Map.of("API_KEY", "k-123")))
                .start();
        engine.addRunListener(RUNS::add);
    }

    @AfterAll
    static void stop() {
        engine.close();
        target.stop();
    }

    /** inject → http.request → capture, one flow per test so runs and captures do not mix. */
    static void deploy(String id, String path) throws Exception {
        engine.deploy(chain(
                id,
                node("in", "test.inject", "channel", id),
                node(
                        "call",
                        "http.request",
                        "method",
                        "POST",
                        "url",
                        target.baseUrl() + path,
                        "auth",
                        "api-key",
                        "apiKey",
                        "{{secret:API_KEY}}",
                        "retries",
                        3,
                        "retryBackoff",
                        "20ms",
                        "timeout",
                        "5s"),
                node("out", "test.capture", "sink", id)));
    }

    static List<ServeEvent> served(String path) {
        return target.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    static RunRecord run(String flowId) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> RUNS.stream().anyMatch(r -> r.flowId().equals(flowId)));
        return RUNS.stream().filter(r -> r.flowId().equals(flowId)).findFirst().orElseThrow();
    }

    /** Every run of the flow's one event, once the last one ended other than in a retry. */
    static List<RunRecord> runsUntilSettled(String flowId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> RUNS.stream()
                        .anyMatch(r -> r.flowId().equals(flowId) && r.status() != RunRecord.RunStatus.RETRYING));
        return RUNS.stream().filter(r -> r.flowId().equals(flowId)).toList();
    }

    /** Each retry's run is the child of the run whose failure scheduled it. */
    static void assertChained(List<RunRecord> runs) {
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).parentRunId()).isEqualTo(runs.get(i - 1).runId());
            assertThat(runs.get(i).triggerNodeId()).isEqualTo("call");
        }
    }

    @Test
    void serviceUnavailableTwiceThenOkIsRetriedUntilItSucceeds() throws Exception {
        target.stubFor(post(urlEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy"))
                .willSetStateTo("second"));
        target.stubFor(post(urlEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("third"));
        target.stubFor(post(urlEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs("third")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\": true}")));
        deploy("flaky", "/flaky");

        InjectConnector.send(engine.camel(), "flaky", "{\"order\": 7}");

        List<RunRecord> runs = runsUntilSettled("flaky");
        assertThat(runs)
                .extracting(RunRecord::status)
                .containsExactly(
                        RunRecord.RunStatus.RETRYING, RunRecord.RunStatus.RETRYING, RunRecord.RunStatus.SUCCESS);
        assertThat(runs.get(0).error())
                .contains("retrying call (attempt 2 of 4)")
                .contains("answered 503: busy");
        assertChained(runs);
        assertThat(target.findAll(postRequestedFor(urlEqualTo("/flaky"))))
                .hasSize(3)
                .allSatisfy(r -> {
                    assertThat(Json.parse(r.getBodyAsString())).isEqualTo(Json.parse("{\"order\": 7}"));
                    assertThat(r.getHeader("X-API-Key")).isEqualTo("k-123");
                });
        Event out = CaptureConnector.events("flaky").get(0);
        assertThat(out.data())
                .isEqualTo(Json.parse("{\"status\": 200, \"headers\": "
                        + out.data().path("headers") + ", \"body\": {\"ok\": true}}"));
    }

    @Test
    void tooManyRequestsWithRetryAfterDelaysTheNextAttemptAtLeastThatLong() throws Exception {
        target.stubFor(post(urlEqualTo("/limited"))
                .inScenario("limited")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("open"));
        target.stubFor(post(urlEqualTo("/limited"))
                .inScenario("limited")
                .whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(202)));
        deploy("limited", "/limited");

        InjectConnector.send(engine.camel(), "limited", "{}");

        assertThat(runsUntilSettled("limited"))
                .extracting(RunRecord::status)
                .containsExactly(RunRecord.RunStatus.RETRYING, RunRecord.RunStatus.SUCCESS);
        List<ServeEvent> served = served("/limited");
        assertThat(served).hasSize(2);
        long gap = served.get(1).getRequest().getLoggedDate().getTime()
                - served.get(0).getRequest().getLoggedDate().getTime();
        // a lower bound the connector guarantees, not a timing goal: the backoff alone is 20 ms
        assertThat(gap).isGreaterThanOrEqualTo(1000);
        assertThat(CaptureConnector.events("limited")
                        .get(0)
                        .data()
                        .path("status")
                        .asInt())
                .isEqualTo(202);
    }

    @Test
    void notFoundFailsAtOnceWithoutRetryAndTheRunIsFailed() throws Exception {
        target.stubFor(post(urlEqualTo("/missing"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"no such list\"}")));
        deploy("missing", "/missing");

        assertThatThrownBy(() -> InjectConnector.send(engine.camel(), "missing", "{}"))
                .rootCause()
                .hasMessageContaining("answered 404")
                .hasMessageContaining("no such list");

        RunRecord run = run("missing");
        assertThat(run.status()).isEqualTo(RunRecord.RunStatus.FAILED);
        assertThat(run.error())
                .contains("POST " + target.baseUrl() + "/missing answered 404: {\"error\": \"no such list\"}");
        assertThat(target.findAll(postRequestedFor(urlEqualTo("/missing")))).hasSize(1);
        assertThat(CaptureConnector.events("missing")).isEmpty();
    }

    @Test
    void aGetSendsNoBodyAndOriginalOutputKeepsTheEventData() throws Exception {
        target.stubFor(get(urlEqualTo("/lookup/a%2Fb"))
                .willReturn(aResponse().withStatus(200).withBody("found")));
        engine.deploy(chain(
                "lookup",
                node("in", "test.inject", "channel", "lookup"),
                node(
                        "call",
                        "http.request",
                        "method",
                        "GET",
                        "url",
                        target.baseUrl() + "/lookup/{{data.key}}",
                        "output",
                        "original"),
                node("out", "test.capture", "sink", "lookup")));

        InjectConnector.send(engine.camel(), "lookup", "{\"key\": \"a/b\"}");

        assertThat(run("lookup").status()).isEqualTo(RunRecord.RunStatus.SUCCESS);
        assertThat(target.findAll(getRequestedFor(urlEqualTo("/lookup/a%2Fb")).withHeader("Content-Type", absent())))
                .singleElement()
                .satisfies(r -> assertThat(r.getBody()).isEmpty());
        assertThat(CaptureConnector.events("lookup").get(0).data()).isEqualTo(Json.parse("{\"key\": \"a/b\"}"));
    }

    @Test
    void retriesRunOutOnPersistentServerErrorsAndTheRunFails() throws Exception {
        target.stubFor(
                post(urlEqualTo("/down")).willReturn(aResponse().withStatus(500).withBody("database on fire")));
        deploy("down", "/down");

        InjectConnector.send(engine.camel(), "down", "{}"); // the first try fails and schedules the next

        List<RunRecord> runs = runsUntilSettled("down");
        assertThat(runs)
                .extracting(RunRecord::status)
                .containsExactly(
                        RunRecord.RunStatus.RETRYING,
                        RunRecord.RunStatus.RETRYING,
                        RunRecord.RunStatus.RETRYING,
                        RunRecord.RunStatus.FAILED);
        assertThat(runs.get(2).error()).contains("retrying call (attempt 4 of 4)");
        assertThat(runs.get(3).error()).contains("answered 500: database on fire");
        assertChained(runs);
        assertThat(target.findAll(postRequestedFor(urlEqualTo("/down"))))
                .as("one request per attempt")
                .hasSize(4);
    }
}
