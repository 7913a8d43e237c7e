package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.ErrorLogCapture;
import dev.switchboard.runtime.admin.AdminApi;
import dev.switchboard.runtime.admin.AdminResponse;
import dev.switchboard.runtime.admin.FlowCounters;
import dev.switchboard.runtime.admin.FlowDeployments;
import dev.switchboard.runtime.cli.SwitchboardCli;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.live.LiveMessage;
import dev.switchboard.runtime.live.LiveMonitor;
import dev.switchboard.runtime.metrics.RuntimeMetrics;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.HistoryLevel;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.EventSeal;
import dev.switchboard.runtime.policy.PoliciesFile;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * policies.json on a real durable runtime: events over real HTTP to webhook flows that log, call
 * a loopback API (which fails some of them, echoing what it got) and keep full history. Card
 * numbers and e-mails reach the API in full, yet no file of the data folder, no table, no log
 * line, no live message and no admin API answer holds them; a dead letter still replays in full.
 * A routing rule blocks an EU event bound for an unlisted host before it is sent.
 */
class CentralPoliciesEndToEndTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String POLICIES = """
            {"format": "switchboard/policies@1",
             "hashKey": "{{secret:POLICY_HASH_KEY}}",
             "masking": [
               {"name": "cards", "fields": ["data.card.number", "data.items[*].card"], "method": "last4"},
               {"name": "emails", "fields": ["data.email"], "method": "hash"},
               {"name": "partner-no-phone", "fields": ["data.phone"], "method": "redact",
                "applyTo": {"destinations": ["http://127.0.0.1:*/crm/partner"]}}
             ],
             "routing": [
               {"name": "eu-only",
                "when": {"rules": [{"field": "data.region", "op": "eq", "value": "eu"}]},
                "allow": {"hosts": ["127.0.0.1"], "topics": ["eu-*"]}}
             ]}
            """;
    static final List<String> SENSITIVE = List.of(
            "4111111111111111",
            "5500005555555559",
            "378282246310005",
            "6011111111111117",
            "3530111333300000",
            "ada@example.com",
            "grace@example.org",
            "linus@example.net",
            "ken@example.com");

    @TempDir
    Path dataDir;

    @TempDir
    Path config;

    HttpServer api;
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicBoolean rejectFailing = new AtomicBoolean(true);
    DurableRuntime runtime;
    RuntimeMetrics metrics;
    LiveMonitor live;
    ErrorLogCapture log;

    @BeforeEach
    void start() throws Exception {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/crm", this::answer);
        api.start();
        Path policiesFile = config.resolve(PoliciesFile.FILE);
        Files.writeString(policiesFile, POLICIES);
        SecretResolver secrets = SecretResolver.of(Map.of("POLICY_HASH_KEY", "hash-key-for-tests"));
        CentralPolicies policies = CentralPolicies.of(
                PoliciesFile.read(policiesFile, secrets),
                EventSeal.fromPassphrase("vault-key-for-tests".toCharArray()));
        log = ErrorLogCapture.start();
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5), policies),
                ConnectorCatalog.load(),
                secrets,
                null,
                HistoryOptions.defaults().withLevel(HistoryLevel.FULL));
        metrics = RuntimeMetrics.bind(runtime);
        live = new LiveMonitor(200, runtime.engine().secretMask());
        runtime.engine().addRunListener(live);
    }

    @AfterEach
    void stop() {
        Awaitility.reset();
        if (runtime != null) {
            metrics.close();
            runtime.close();
        }
        log.close();
        api.stop(0);
    }

    /** A careless API: it fails orders marked "fail" (while told to) and echoes the body in its error. */
    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(body);
        boolean fail = rejectFailing.get() && body.contains("\"fail\":true");
        byte[] bytes = (fail ? "{\"rejected\":" + body + "}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(fail ? 500 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void maskedFieldsReachTheApiButNoFileLogLiveMessageOrAnswerAndDeadLettersReplayInFull() throws Exception {
        runtime.engine()
                .deploy(sendingFlow(
                        "orders", "http://127.0.0.1:" + api.getAddress().getPort() + "/crm"));
        String ok = push("orders", """
                {"order": "ord-1001", "region": "eu", "email": "ada@example.com",
                 "card": {"number": "4111111111111111"}, "items": [{"card": "5500005555555559"}]}""");
        String failing = push("orders", """
                {"order": "ord-1002", "region": "eu", "email": "grace@example.org",
                 "card": {"number": "378282246310005"}, "fail": true}""");

        await().until(() ->
                runtime.deadLetters().list(DeadLetterFilter.all(), 10).size() == 1);
        await().until(() -> runtime.runs().path(ok).size() == 1
                && runtime.runs().path(failing).size() == 1);
        runtime.history().awaitWritten(Duration.ofSeconds(10));
        // what is sent stays whole: the policies mask only what the runtime keeps and shows
        assertThat(received).anySatisfy(b -> assertThat(b).contains("4111111111111111", "ada@example.com"));

        DeadLetter letter =
                runtime.deadLetters().list(DeadLetterFilter.all(), 10).get(0);
        assertThat(letter.error()).contains("answered 500").contains("***").doesNotContain("378282246310005");
        assertThat(letter.event()).contains("***0005").contains("hmac-sha256:");
        rejectFailing.set(false);
        runtime.deadLetters().replay(DeadLetterFilter.byId(letter.id()));
        await().until(() ->
                received.stream().filter(b -> b.contains("378282246310005")).count() == 2);
        await().until(() -> runtime.runs().path(failing).size() == 2);
        runtime.history().awaitWritten(Duration.ofSeconds(10));

        List<String> shown = new ArrayList<>(tableTexts());
        shown.addAll(liveTexts());
        shown.add(String.join("\n", log.lines()));
        shown.add(admin("GET", "/api/runs/" + ok));
        shown.add(admin("GET", "/api/runs/" + failing));
        shown.add(admin("GET", "/api/dead-letters"));
        shown.add(admin("GET", "/api/dead-letters/" + letter.id()));
        shown.add(metrics.scrape().body());
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("card=***1111"));
        assertThat(String.join("\n", shown)).contains("***1111", "***5559", "hmac-sha256:");
        for (String text : shown) {
            for (String value : SENSITIVE) {
                assertThat(text).doesNotContain(value);
            }
        }
        assertThat(runtime.runs().path(ok).get(0).steps())
                .filteredOn(s -> s.nodeId().equals("in"))
                .singleElement()
                .satisfies(s -> assertThat(s.policies()).contains("cards: masked", "emails: masked"));
        assertThat(metrics.scrape().body())
                .containsPattern("switchboard_policy_decisions_total\\{flow=\"orders\",node=\"send\","
                        + "outcome=\"allowed\",policy=\"eu-only\",?\\} 3\\.0");

        runtime.close();
        metrics = null;
        runtime = null;
        assertNoFileHoldsTheValues();
    }

    @Test
    void aRoutingRuleBlocksAnEuEventBoundForAnUnlistedHostAndDeadLettersItNamingTheRule() throws Exception {
        runtime.engine()
                .deploy(sendingFlow(
                        "eu-out", "http://localhost:" + api.getAddress().getPort() + "/crm"));
        String eu = push("eu-out", """
                {"order": "ord-1003", "region": "eu", "email": "linus@example.net", "card": {"number": "6011111111111117"}}""");
        String us = push("eu-out", """
                {"order": "ord-1004", "region": "us", "email": "ken@example.com", "card": {"number": "3530111333300000"}}""");

        await().until(() -> received.stream().anyMatch(b -> b.contains("ord-1004")));
        await().until(() ->
                runtime.deadLetters().list(DeadLetterFilter.all(), 10).size() == 1);
        await().until(() ->
                runtime.runs().path(eu).size() == 1 && runtime.runs().path(us).size() == 1);

        assertThat(received).noneSatisfy(b -> assertThat(b).contains("ord-1003"));
        DeadLetter letter =
                runtime.deadLetters().list(DeadLetterFilter.all(), 10).get(0);
        assertThat(letter.nodeId()).isEqualTo("send");
        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(letter.error())
                .isEqualTo("PolicyViolationException: blocked by routing policy 'eu-only': http://localhost:"
                        + api.getAddress().getPort() + "/crm is not among the destinations it allows for this event");
        assertThat(runtime.runs().path(eu).get(0).steps())
                .filteredOn(s -> s.nodeId().equals("send"))
                .singleElement()
                .satisfies(s -> assertThat(s.policies()).contains("eu-only: blocked localhost"));
        runtime.history().awaitWritten(Duration.ofSeconds(10));
        assertThat(cli("runs", "show", eu)).contains("policy: eu-only: blocked localhost");
        assertThat(metrics.scrape().body())
                .containsPattern("switchboard_policy_decisions_total\\{flow=\"eu-out\",node=\"send\","
                        + "outcome=\"blocked\",policy=\"eu-only\",?\\} 1\\.0");
    }

    @Test
    void aRuleNamingADestinationMasksWhatIsSentThereOnly() throws Exception {
        String url = "http://127.0.0.1:" + api.getAddress().getPort() + "/crm/partner";
        runtime.engine().deploy(sendingFlow("partner", url));
        String id = push("partner", """
                {"order": "ord-2001", "region": "eu", "phone": "+44 20 7946 0958", "note": "call back"}""");

        await().until(() -> received.stream().anyMatch(b -> b.contains("ord-2001")));
        assertThat(received)
                .filteredOn(b -> b.contains("ord-2001"))
                .singleElement()
                .satisfies(b ->
                        assertThat(b).contains("\"phone\":\"***\"", "call back").doesNotContain("7946"));
        await().until(() -> runtime.runs().path(id).size() == 1);
        assertThat(runtime.runs().path(id).get(0).steps())
                .filteredOn(s -> s.nodeId().equals("send"))
                .singleElement()
                .satisfies(s -> assertThat(s.policies())
                        .containsExactly(
                                "eu-only: allowed 127.0.0.1",
                                "partner-no-phone: masked-for-destination " + url,
                                // the rule masks the kept copy too, as every masking rule does
                                "partner-no-phone: masked"));
    }

    @Test
    void topicsOutsideTheRuleAreBlockedAndListedOnesReceiveTheEvent() throws Exception {
        runtime.engine()
                .deploy(new Flow(
                        FlowFormat.CURRENT,
                        "eu-listener",
                        "eu-listener",
                        null,
                        null,
                        List.of(
                                node("sub", "event.subscribe", "topic", "eu-orders"),
                                node("out", "test.capture", "sink", "policies-eu-orders")),
                        List.of(Wire.of("sub", "out")),
                        null));
        runtime.engine()
                .deploy(new Flow(
                        FlowFormat.CURRENT,
                        "publisher",
                        "publisher",
                        null,
                        null,
                        List.of(
                                node("in", "webhook", "path", "/hooks/publisher"),
                                node("pub", "event.publish", "topic", "{{data.target}}-orders")),
                        List.of(Wire.of("in", "pub")),
                        null));

        push("publisher", "{\"order\": \"ord-3001\", \"region\": \"eu\", \"target\": \"eu\"}");
        push("publisher", "{\"order\": \"ord-3002\", \"region\": \"eu\", \"target\": \"us\"}");

        await().until(() ->
                runtime.deadLetters().list(DeadLetterFilter.all(), 10).size() == 1);
        await().until(() -> CaptureConnector.events("policies-eu-orders").size() == 1);
        assertThat(CaptureConnector.events("policies-eu-orders")
                        .get(0)
                        .data()
                        .path("order")
                        .asText())
                .isEqualTo("ord-3001");
        DeadLetter letter =
                runtime.deadLetters().list(DeadLetterFilter.all(), 10).get(0);
        assertThat(letter.nodeId()).isEqualTo("pub");
        assertThat(letter.error()).contains("blocked by routing policy 'eu-only': topic:us-orders");
    }

    private static Flow sendingFlow(String id, String url) {
        List<Node> nodes = List.of(
                node("in", "webhook", "path", "/hooks/" + id),
                node(
                        "log",
                        "log",
                        "level",
                        "warn",
                        "message",
                        "order {{data.order}} card={{data.card.number}} email={{data.email}} items={{data.items}}"),
                node("send", "http.request", "method", "POST", "url", url, "retries", 0));
        return new Flow(
                FlowFormat.CURRENT,
                id,
                id,
                null,
                null,
                nodes,
                List.of(Wire.of("in", "log"), Wire.of("log", "send")),
                null);
    }

    private void assertNoFileHoldsTheValues() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".mv.db"));
        String all = "";
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String value : SENSITIVE) {
                assertThat(bytes).as("%s holds %s", file, value).doesNotContain(value);
            }
            all += bytes;
        }
        // the scan sees stored text as it is: the masked snapshots are there in plain bytes
        assertThat(all).contains("ord-1001").contains("***1111");
    }

    private List<String> tableTexts() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection c = runtime.store().connection();
                Statement s = c.createStatement()) {
            for (String table : List.of("runs", "run_steps", "dead_letters", "inbox")) {
                try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            texts.add(String.valueOf(r.getObject(column)));
                        }
                    }
                }
            }
            try (ResultSet r = s.executeQuery("SELECT event FROM dead_letters")) {
                while (r.next()) {
                    assertThat(r.getString(1)).startsWith(EventSeal.PREFIX);
                }
            }
        }
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("ord-1002"));
        return texts;
    }

    private List<String> liveTexts() {
        List<String> texts = new ArrayList<>();
        for (LiveMessage message : live.snapshot(0).messages()) {
            for (Event event : new Event[] {message.input(), message.output()}) {
                if (event != null) {
                    texts.add(Json.write(Json.toCloudEvent(event)));
                }
            }
            texts.add(String.valueOf(message.error()));
        }
        assertThat(texts).isNotEmpty();
        return texts;
    }

    private String admin(String method, String path) throws Exception {
        FlowDeployments deployments = new FlowDeployments(runtime.engine(), dataDir.resolve(FlowDeployments.FOLDER));
        AdminApi api = new AdminApi(deployments, runtime, new FlowCounters());
        AdminResponse answer = api.handle(new AdminApi.AdminRequest(method, path, Map.of(), null));
        assertThat(answer.status()).as("%s %s: %s", method, path, answer.body()).isEqualTo(200);
        return answer.body();
    }

    private String push(String flowId, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/" + flowId))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        return Json.parse(response.body()).path("id").asText();
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(dataDir.toString());
        assertThat(cli.execute(all.toArray(String[]::new)))
                .as("%s: %s", all, out)
                .isZero();
        return out.toString();
    }

    private static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }
}
