package dev.switchboard.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token cache and the token endpoint client against WireMock: one server is the token endpoint and the API. */
class OAuth2TokensTest {
    static final String SECRET = "s3cr3t/+&";

    WireMockServer server;
    final MutableClock clock = new MutableClock();
    OAuth2Tokens tokens;
    final HttpCaller caller = new HttpCaller();

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        tokens = new OAuth2Tokens(new OAuth2TokenEndpoint()::fetch, clock);
        server.stubFor(
                get(urlEqualTo("/api")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    OAuth2Credentials credentials(boolean basic) {
        return new OAuth2Credentials(
                URI.create(server.baseUrl() + "/token"),
                "client-1",
                SECRET,
                "leads:write",
                "",
                basic,
                Duration.ofSeconds(5));
    }

    void tokenEndpointAnswers(String token, int expiresIn) {
        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(okJson("{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", \"expires_in\": "
                        + expiresIn + "}")));
    }

    OutboundRequest api() {
        return OutboundRequest.newBuilder(URI.create(server.baseUrl() + "/api")).build();
    }

    int tokenRequests() {
        return server.findAll(postRequestedFor(urlEqualTo("/token"))).size();
    }

    @Test
    void oneTokenServesManyRequestsUntilShortlyBeforeItExpires() {
        tokenEndpointAnswers("t-1", 3600);
        OAuth2Tokens.Lease lease = tokens.lease(credentials(true));
        for (int i = 0; i < 5; i++) {
            assertThat(lease.send(caller, api()).statusCode()).isEqualTo(200);
        }
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/api"))))
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer t-1"));

        clock.advance(Duration.ofSeconds(3600 - 31)); // still more than 30 s left
        lease.send(caller, api());
        assertThat(tokenRequests()).isEqualTo(1);

        tokenEndpointAnswers("t-2", 3600);
        clock.advance(Duration.ofSeconds(2)); // within 30 s of the expiry: a new one
        lease.send(caller, api());
        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/api"))).get(6).getHeader("Authorization"))
                .isEqualTo("Bearer t-2");
    }

    @Test
    void withoutExpiresInATokenLastsFiveMinutes() {
        server.stubFor(post(urlEqualTo("/token")).willReturn(okJson("{\"access_token\": \"t\"}")));
        OAuth2Tokens.Lease lease = tokens.lease(credentials(true));
        lease.send(caller, api());
        clock.advance(Duration.ofSeconds(269));
        lease.send(caller, api());
        assertThat(tokenRequests()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        lease.send(caller, api());
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void basicClientAuthenticationSendsTheEncodedPairInTheAuthorizationHeader() {
        tokenEndpointAnswers("t", 60);
        tokens.lease(credentials(true)).send(caller, api());
        LoggedRequest request =
                server.findAll(postRequestedFor(urlEqualTo("/token"))).get(0);
        String expected =
                Base64.getEncoder().encodeToString("client-1:s3cr3t%2F%2B%26".getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + expected);
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getBodyAsString()).isEqualTo("grant_type=client_credentials&scope=leads%3Awrite");
    }

    @Test
    void bodyClientAuthenticationSendsIdAndSecretAsFormParameters() {
        tokenEndpointAnswers("t", 60);
        OAuth2Credentials body = new OAuth2Credentials(
                URI.create(server.baseUrl() + "/token"),
                "client-1",
                SECRET,
                "",
                "https://api.example.com",
                false,
                Duration.ofSeconds(5));
        tokens.lease(body).send(caller, api());
        server.verify(postRequestedFor(urlEqualTo("/token"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalTo("grant_type=client_credentials&audience=https%3A%2F%2Fapi.example.com"
                        + "&client_id=client-1&client_secret=s3cr3t%2F%2B%26")));
    }

    @Test
    void concurrentRequestsWaitForOneFetch() throws Exception {
        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(
                        okJson("{\"access_token\": \"t\", \"expires_in\": 600}").withFixedDelay(300)));
        OAuth2Tokens.Lease a = tokens.lease(credentials(true));
        OAuth2Tokens.Lease b = tokens.lease(credentials(true)); // another node, same credentials
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                OAuth2Tokens.Lease lease = i % 2 == 0 ? a : b;
                results.add(pool.submit(() -> {
                    go.await();
                    return lease.send(caller, api()).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> r : results) {
                assertThat(r.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsShareAFailedFetchToo() throws Exception {
        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse().withStatus(503).withBody("down").withFixedDelay(300)));
        OAuth2Tokens.Lease lease = tokens.lease(credentials(true));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return lease.send(caller, api()).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> r : results) {
                assertThat(catchThrowableOfType(r::get, java.util.concurrent.ExecutionException.class)
                                .getCause())
                        .isInstanceOf(HttpRequestFailedException.class)
                        .hasMessageEndingWith("answered 503: down");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenRequests()).isEqualTo(1);

        tokenEndpointAnswers("t", 60);
        assertThat(lease.send(caller, api()).statusCode())
                .as("a later request asks again")
                .isEqualTo(200);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void aRejectedTokenIsReplacedOnceAndTheRequestSentOnceMore() {
        tokenEndpointAnswers("old", 600);
        OAuth2Tokens.Lease lease = tokens.lease(credentials(true));
        lease.send(caller, api());
        server.stubFor(get(urlEqualTo("/api"))
                .withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(aResponse().withStatus(401).withBody("token revoked")));
        tokenEndpointAnswers("new", 600);

        assertThat(lease.send(caller, api()).statusCode()).isEqualTo(200);
        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/api"))))
                .extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer old", "Bearer old", "Bearer new");
    }

    @Test
    void aSecond401FailsWithTheApisAnswerAndNoRetry() {
        tokenEndpointAnswers("t", 600);
        server.stubFor(
                get(urlEqualTo("/api")).willReturn(aResponse().withStatus(401).withBody("wrong audience")));
        HttpRequestFailedException e = catchThrowableOfType(
                () -> tokens.lease(credentials(true)).send(caller, api()), HttpRequestFailedException.class);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("answered 401: wrong audience").contains("new OAuth2 access token");
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/api")))).hasSize(2);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void tokenEndpointErrorsCarryItsErrorAndSayWhetherToRetry() {
        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"invalid_client\", \"error_description\": \"bad secret " + SECRET
                                + "\"}")));
        HttpRequestFailedException e = catchThrowableOfType(
                () -> tokens.lease(credentials(true)).send(caller, api()), HttpRequestFailedException.class);
        assertThat(e.getMessage())
                .isEqualTo("OAuth2 token request to " + server.baseUrl() + "/token answered 401: invalid_client"
                        + " (bad secret ***)");
        assertThat(e.retryable()).isFalse();
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/api")))).isEmpty();

        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\": \"invalid_scope\"}")));
        e = catchThrowableOfType(
                () -> tokens.lease(credentials(true)).send(caller, api()), HttpRequestFailedException.class);
        assertThat(e.getMessage()).endsWith("answered 400: invalid_scope");
        assertThat(e.retryable()).isFalse();

        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        e = catchThrowableOfType(
                () -> tokens.lease(credentials(true)).send(caller, api()), HttpRequestFailedException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));

        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse().withStatus(503).withBody("maintenance")));
        e = catchThrowableOfType(
                () -> tokens.lease(credentials(true)).send(caller, api()), HttpRequestFailedException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).endsWith("answered 503: maintenance");
    }

    @Test
    void anAnswerWithoutATokenFailsWithoutShowingTheBody() {
        server.stubFor(post(urlEqualTo("/token")).willReturn(okJson("{\"token\": \"hidden-value\"}")));
        HttpRequestFailedException e = catchThrowableOfType(
                () -> tokens.lease(credentials(true)).send(caller, api()), HttpRequestFailedException.class);
        assertThat(e.getMessage())
                .endsWith("answered 200 without an access_token")
                .doesNotContain("hidden-value");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void theLastLeaseToCloseDropsTheTokenAndOtherSecretsGetTheirOwn() {
        tokenEndpointAnswers("t", 600);
        OAuth2Tokens.Lease a = tokens.lease(credentials(true));
        OAuth2Tokens.Lease b = tokens.lease(credentials(true));
        OAuth2Credentials other = new OAuth2Credentials(
                URI.create(server.baseUrl() + "/token"),
                "client-1",
                "other",
                "leads:write",
                "",
                true,
                Duration.ofSeconds(5));
        OAuth2Tokens.Lease c = tokens.lease(other);
        assertThat(tokens.size()).isEqualTo(2);
        a.send(caller, api());
        a.close();
        a.close(); // twice is harmless
        assertThat(tokens.size()).isEqualTo(2);
        b.send(caller, api());
        assertThat(tokenRequests()).isEqualTo(1);
        b.close();
        c.close();
        assertThat(tokens.size()).isZero();

        tokens.lease(credentials(true)).send(caller, api());
        assertThat(tokenRequests()).as("a dropped token is fetched again").isEqualTo(2);
        assertThat(credentials(true).toString()).doesNotContain(SECRET);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
