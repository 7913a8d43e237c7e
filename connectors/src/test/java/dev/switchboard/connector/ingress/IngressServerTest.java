package dev.switchboard.connector.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.testkit.ErrorLogCapture;
import dev.switchboard.connector.testkit.RawHttp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ingress on a bare CamelContext: real Vert.x server, real sockets on loopback. */
class IngressServerTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final HeaderCheck NEEDS_KEY = headers -> "let-me-in".equals(headers.get("x-key"))
            ? Optional.empty()
            : Optional.of(IngressAnswer.error(401, "unauthorized", "no key"));

    IngressServer server;
    DefaultCamelContext camel;
    final List<Integer> handledBodySizes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new IngressServer("127.0.0.1", 0).start();
        camel = new DefaultCamelContext();
        camel.addComponent(IngressComponent.SCHEME, new IngressComponent(server));
        camel.start();
        addHook("f:hook", new HookSpec("/hooks/a", "POST", 1024, HeaderCheck.NONE));
        addHook("f:keyed", new HookSpec("/hooks/keyed", "PUT", 1024, NEEDS_KEY));
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.close();
    }

    void addHook(String routeId, HookSpec spec) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(IngressComponent.endpoint(camel, spec)).routeId(routeId).process(exchange -> {
                    IngressRequest request = exchange.getIn().getBody(IngressRequest.class);
                    handledBodySizes.add(request.body().length);
                    exchange.getMessage()
                            .setBody(IngressAnswer.json(202, "{\"bytes\": " + request.body().length + "}"));
                });
            }
        });
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTakenPortFailsStartWithATypedExceptionThatNamesItAndTheWayOut() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IngressServer second = new IngressServer("127.0.0.1", taken.getLocalPort());

            assertThatThrownBy(second::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage(
                            "Cannot listen for webhooks on 127.0.0.1:" + taken.getLocalPort()
                                    + ": the port is already in use by another program. Stop that program or choose another port with --port.");
            second.close();
        }
    }

    @Test
    void aHookServesItsPathWhileItsRouteRunsAndIsGoneWhenItStops() throws Exception {
        HttpResponse<String> served = post("/hooks/a", "hello");
        assertThat(served.statusCode()).isEqualTo(202);
        assertThat(served.body()).isEqualTo("{\"bytes\": 5}");
        assertThat(post("/hooks/a/", "hello").statusCode())
                .as("a trailing slash is the same path")
                .isEqualTo(202);

        camel.getRouteController().stopRoute("f:hook");
        HttpResponse<String> gone = post("/hooks/a", "hello");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"No webhook listens on /hooks/a\"}");

        camel.getRouteController().startRoute("f:hook");
        assertThat(post("/hooks/a", "again").statusCode()).isEqualTo(202);
    }

    @Test
    void aSecondHookOnTheSamePathAndMethodDoesNotStartAndSaysWhoHasIt() throws Exception {
        assertThatThrownBy(() -> addHook("g:hook", new HookSpec("/hooks/a", "POST", 1024, HeaderCheck.NONE)))
                .hasStackTraceContaining("POST /hooks/a is already served by node 'hook' of flow 'f'");
        assertThat(post("/hooks/a", "still").statusCode()).isEqualTo(202);
    }

    @Test
    void anotherMethodGets405WithTheAllowedOnes() throws Exception {
        addHook("f:also", new HookSpec("/hooks/a", "PUT", 1024, HeaderCheck.NONE));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hooks/a"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, PUT");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body())
                .isEqualTo("{\"error\":\"method_not_allowed\",\"message\":\"/hooks/a accepts POST, PUT only\"}");
    }

    @Test
    void bodiesInMemoryAtOnceStayWithinTheBudgetAndACallerBeyondItGets503() throws Exception {
        // a budget of 1,500 bytes for all bodies together; each hook takes up to 1,024
        IngressServer small = new IngressServer("127.0.0.1", 0, 1500).start();
        DefaultCamelContext context = new DefaultCamelContext();
        context.addComponent(IngressComponent.SCHEME, new IngressComponent(small));
        context.start();
        try {
            HookSpec spec = new HookSpec("/hooks/a", "POST", 1024, HeaderCheck.NONE);
            HookSpec large = new HookSpec("/hooks/large", "POST", 4096, HeaderCheck.NONE);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(IngressComponent.endpoint(context, spec))
                            .routeId("f:hook")
                            .process(exchange -> exchange.getMessage().setBody(IngressAnswer.json(202, "{}")));
                    from(IngressComponent.endpoint(context, large))
                            .routeId("f:large")
                            .process(exchange -> exchange.getMessage().setBody(IngressAnswer.json(202, "{}")));
                }
            });
            try (RawHttp first = RawHttp.connect(small.port());
                    RawHttp second = RawHttp.connect(small.port())) {
                first.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
                        .sendFiller(800);
                await().atMost(Duration.ofSeconds(10)).until(() -> small.bufferedBytes() == 800);

                second.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
                        .sendFiller(1000);
                RawHttp.Response busy = second.read();
                assertThat(busy.status()).isEqualTo(503);
                assertThat(busy.header("Retry-After")).isEqualTo("1");
                assertThat(busy.json().path("error").asText()).isEqualTo("busy");

                first.sendFiller(200);
                assertThat(first.read().status()).as("the first body completes").isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> small.bufferedBytes() == 0);
            HttpResponse<String> later = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + small.port() + "/hooks/a"))
                            .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1000)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(later.statusCode()).as("the budget is given back").isEqualTo(202);
            HttpResponse<String> alone = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + small.port() + "/hooks/large"))
                            .POST(HttpRequest.BodyPublishers.ofString("x".repeat(3000)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(alone.statusCode())
                    .as("a body larger than the budget, its hook allowing it, is taken when it is alone")
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> small.bufferedBytes() == 0);
        } finally {
            context.stop();
            small.close();
        }
    }

    @Test
    void aDeclaredLengthAboveTheLimitGets413BeforeAnyBodyIsSent() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n");

            RawHttp.Response response = raw.read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(response.json().path("error").asText()).isEqualTo("payload_too_large");
            assertThat(response.json().path("message").asText())
                    .isEqualTo("The body is larger than this webhook's limit of 1KB");
        }
        assertThat(handledBodySizes).isEmpty();
    }

    @Test
    void aChunkedBodyIsCutOffWithA413AtTheLimit() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            raw.send("400\r\n").sendFiller(1024).send("\r\n");
            raw.send("1\r\nx\r\n");

            RawHttp.Response response = raw.read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().path("error").asText()).isEqualTo("payload_too_large");
        }
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            raw.send("400\r\n").sendFiller(1024).send("\r\n0\r\n\r\n");
            assertThat(raw.read().status()).as("exactly the limit is fine").isEqualTo(202);
        }
        assertThat(handledBodySizes).containsExactly(1024);
    }

    @Test
    void aRefusingHeaderCheckAnswersBeforeTheBodyIsSent() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("PUT /hooks/keyed HTTP/1.1\r\nHost: x\r\nX-Key: wrong\r\nContent-Length: 1000\r\n\r\n");

            RawHttp.Response refused = raw.read();

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("{\"error\":\"unauthorized\",\"message\":\"no key\"}");
            assertThat(refused.header("Connection")).isEqualTo("close");
            raw.sendFiller(1000);
            assertThat(raw.closedByServer()).isTrue();
        }
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("PUT /hooks/keyed HTTP/1.1\r\nHost: x\r\nX-Key: let-me-in\r\nContent-Length: 3\r\n\r\nabc");
            assertThat(raw.read().status()).isEqualTo(202);
        }
        assertThat(handledBodySizes).containsExactly(3);
    }

    @Test
    void expectContinueGetsAContinueWhenTheChecksPassAndTheFinalAnswerWhenNot() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(100);
            raw.send("ping");
            assertThat(raw.read().status()).isEqualTo(202);
        }
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
            RawHttp.Response response = raw.read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(raw.closedByServer())
                    .as("the body was never sent: nothing to wait for")
                    .isTrue();
        }
    }

    @Test
    void undecodableRequestsGetJsonAnswers() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nX-Huge: " + "h".repeat(20_000)
                    + "\r\nContent-Length: 0\r\n\r\n");
            RawHttp.Response response = raw.read();
            assertThat(response.status()).isEqualTo(431);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.json().path("error").asText()).isEqualTo("request_header_fields_too_large");
        }
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("THIS IS NOT HTTP\r\n\r\n");
            RawHttp.Response response = raw.read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("error").asText()).isEqualTo("bad_request");
        }
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.send("GET /" + "u".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response response = raw.read();
            assertThat(response.status()).isEqualTo(414);
            assertThat(response.json().path("error").asText()).isEqualTo("uri_too_long");
        }
    }

    @Test
    void afterStopAcceptingNewRequestsGet503WhileOneAlreadyInsideFinishes() throws Exception {
        try (RawHttp inside = RawHttp.connect(server.port())) {
            inside.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf-");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.inFlight() == 1);

            server.stopAccepting();
            CompletableFuture<Boolean> drained =
                    CompletableFuture.supplyAsync(() -> server.awaitIdle(Duration.ofSeconds(30)));

            HttpResponse<String> refused = post("/hooks/a", "late");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.headers().firstValue("Connection")).hasValue("close");
            assertThat(refused.body())
                    .isEqualTo(
                            "{\"error\":\"unavailable\",\"message\":\"Switchboard is shutting down; try again shortly\"}");
            assertThat(drained).isNotDone();

            inside.send("done!");
            assertThat(inside.read().status()).isEqualTo(202);
            assertThat(drained.get()).isTrue();
        }
        assertThat(handledBodySizes).containsExactly(10);
    }

    @Test
    void callersGoingAwayAndRefusedBodiesAreNotLoggedAsErrors() throws Exception {
        try (ErrorLogCapture log = ErrorLogCapture.start()) {
            RawHttp gone = RawHttp.connect(server.port());
            gone.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nonly a part");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.inFlight() == 1);
            gone.abort();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.inFlight() == 0);

            try (RawHttp big = RawHttp.connect(server.port())) {
                big.send("POST /hooks/a HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n");
                assertThat(big.read().status()).isEqualTo(413);
                big.abort();
            }
            assertThat(post("/hooks/a", "after").statusCode()).isEqualTo(202);

            assertThat(log.errorLines()).isEmpty();
        }
        assertThat(handledBodySizes).containsExactly(5);
    }

    @Test
    void aHookThatFailsGets500AsJsonAndTheServerGoesOn() throws Exception {
        addHook("f:broken", new HookSpec("/hooks/broken", "POST", 1024, headers -> {
            throw new IllegalStateException("a bug in a header check");
        }));

        HttpResponse<String> response = post("/hooks/broken", "x");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .isEqualTo(
                        "{\"error\":\"internal_error\",\"message\":\"The webhook failed unexpectedly; the event was not accepted\"}");
        assertThat(server.inFlight()).isZero();
        assertThat(post("/hooks/a", "fine").statusCode()).isEqualTo(202);
    }

    @Test
    void nothingButTheConfiguredHostListens() throws Exception {
        assertThat(server.host()).isEqualTo("127.0.0.1");
        for (InetAddress address : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> n.inetAddresses())
                .filter(a -> !a.isLoopbackAddress())
                .toList()) {
            try (java.net.Socket socket = new java.net.Socket()) {
                assertThatThrownBy(() -> socket.connect(new java.net.InetSocketAddress(address, server.port()), 2000))
                        .as("not reachable on " + address)
                        .isInstanceOf(java.io.IOException.class);
            }
        }
    }
}
