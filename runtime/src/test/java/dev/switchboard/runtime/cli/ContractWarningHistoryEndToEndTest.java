package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.admin.AdminApi;
import dev.switchboard.runtime.admin.AdminServer;
import dev.switchboard.runtime.admin.AdminToken;
import dev.switchboard.runtime.admin.FlowCounters;
import dev.switchboard.runtime.admin.FlowDeployments;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.HistoryLevel;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.PoliciesFile;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.RunQueries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data contract with enforcement {@code warn} on a webhook, on a real durable runtime over a real H2
 * file: an order that breaks it is posted over HTTP, runs on, and its stored run keeps the warning
 * with the violations' JSON pointers — in {@code run_steps} at history level {@code full}, in the
 * run's compact path at {@code errors} (the run went well) — shown by {@code runs show}, its
 * {@code --json} and the admin API, while the customer's e-mail, masked by a central policy, is in
 * no file of the data folder.
 */
class ContractWarningHistoryEndToEndTest {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String ORDER_SCHEMA = """
            {"type": "object",
             "properties": {
               "id": {"type": "string"},
               "total": {"type": "number"},
               "customer": {"type": "object", "properties": {
                 "email": {"type": "string", "pattern": "@example\\\\.org$", "x-classification": "pii"}}}},
             "required": ["id", "total"]}
            """;
    static final String POLICIES = """
            {"format": "switchboard/policies@1",
             "masking": [{"name": "pii", "classification": "pii", "method": "redact"}]}
            """;
    static final String EMAIL = "ada.lovelace@example.com";
    /** Breaks orders@1 twice: no total, and an e-mail outside example.org. */
    static final String BROKEN_ORDER = "{\"id\": \"ord-9001\", \"customer\": {\"email\": \"" + EMAIL + "\"}}";

    @TempDir
    Path dataDir;

    @TempDir
    Path config;

    DurableRuntime runtime;
    AdminServer admin;
    AdminToken token;

    @BeforeEach
    void start() throws Exception {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        SchemaRegistry schemas = new SchemaRegistry(config.resolve("schemas"));
        schemas.register("orders", ORDER_SCHEMA);
        Path policiesFile = Files.writeString(config.resolve(PoliciesFile.FILE), POLICIES);
        SecretResolver secrets = SecretResolver.of(Map.of());
        CentralPolicies policies = RunPolicies.load(
                policiesFile,
                schemas,
                secrets,
                dataDir,
                name -> name.equals("SWITCHBOARD_SECRETS_KEY") ? "vault-key-for-tests" : null);
        // errors: switchboard run's default level
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5), policies),
                ConnectorCatalog.load(),
                secrets,
                null,
                HistoryOptions.defaults().withLevel(HistoryLevel.ERRORS));
        runtime.engine().services().register(ContractSchemas.class, new ContractSchemas(schemas));
        token = AdminToken.resolve("warn-history-token", dataDir);
        FlowCounters counters = new FlowCounters();
        admin = new AdminServer(
                        "127.0.0.1",
                        0,
                        new AdminApi(
                                new FlowDeployments(runtime.engine(), dataDir.resolve(FlowDeployments.FOLDER)),
                                runtime,
                                counters),
                        token,
                        List.of(),
                        64 * 1024)
                .start();
    }

    @AfterEach
    void stop() {
        Awaitility.reset();
        if (admin != null) {
            admin.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void aWarnedOrderKeepsItsViolationsInRunHistoryWithoutTheMaskedEmail() throws Exception {
        runtime.engine().deploy(FlowCodec.read(flow("warn-full", "\"history\": \"full\"")));
        runtime.engine().deploy(FlowCodec.read(flow("warn-errors", "")));
        runtime.engine().deploy(FlowCodec.read(flow("warn-off", "\"history\": \"off\"")));

        String full = push("warn-full");
        String compact = push("warn-errors");
        String off = push("warn-off");
        await().until(() -> runtime.runs().path(full).size() == 1
                && runtime.runs().path(compact).size() == 1);
        await().until(() -> runtime.inbox().pendingCount() == 0);
        assertThat(runtime.history().awaitWritten(Duration.ofSeconds(10))).isTrue();

        for (String id : List.of(full, compact)) {
            RunQueries.RunPath path = runtime.runs().path(id).get(0);
            assertThat(path.run().status()).isEqualTo("SUCCESS");
            RunQueries.Step hook = path.steps().get(0);
            assertThat(hook.nodeId()).isEqualTo("hook");
            assertThat(hook.warning())
                    .as(id)
                    .startsWith("breaks the contract orders@1: ")
                    .contains("/total: ", "/customer/email: ")
                    .doesNotContain(EMAIL);
            assertThat(path.steps().get(1).warning())
                    .as("the log node had no contract")
                    .isNull();
        }
        assertThat(runtime.runs().path(full).get(0).run().dataKept()).isTrue();
        assertThat(runtime.runs().path(compact).get(0).run().dataKept())
                .as("errors keeps a run that went well without snapshots: its warning is in the compact path")
                .isFalse();
        assertThat(runtime.runs().path(off))
                .as("history off keeps no run, warned or not")
                .isEmpty();

        String shown = cli("runs", "show", full);
        List<String> lines = shown.lines().toList();
        int hookLine = indexOf(lines, " hook -> out");
        assertThat(lines.get(hookLine + 1))
                .startsWith("      warning: breaks the contract orders@1: ")
                .contains("/total: ");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("      policy: pii: masked"));
        assertThat(shown).contains("ord-9001", "***").doesNotContain(EMAIL);
        assertThat(cli("runs", "show", compact)).contains("      warning: breaks the contract orders@1: ");

        JsonNode json = Json.parse(cli("runs", "--json", "show", compact));
        assertThat(json.at("/runs/0/steps/0/warning").asText()).contains("/customer/email: ");
        assertThat(json.at("/runs/0/steps/1/warning").isNull()).isTrue();

        HttpResponse<String> api = HTTP.send(
                HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/runs/" + full))
                        .header("Authorization", "Bearer " + token.value())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(Json.parse(api.body()).at("/runs/0/steps/0/warning").asText())
                .startsWith("breaks the contract orders@1: ")
                .contains("/total: ", "/customer/email: ");

        runtime.close();
        runtime = null;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".mv.db"));
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as("%s holds the e-mail", file).doesNotContain(EMAIL);
        }
    }

    private static String flow(String id, String settings) {
        return """
                {"format": "switchboard/flow@1", "id": "%s",
                 "nodes": [
                   {"id": "hook", "type": "webhook", "config": {"path": "/hooks/%s"},
                    "contract": {"subject": "orders@1", "enforcement": "warn"}},
                   {"id": "log", "type": "log", "config": {"message": "order {{data.id}}"}}],
                 "wires": [{"from": "hook", "to": "log"}],
                 "settings": {%s}}
                """.formatted(id, id, settings);
    }

    private String push(String flowId) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/" + flowId))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BROKEN_ORDER))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.parse(response.body()).path("id").asText();
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + part + "' in:\n" + String.join("\n", lines));
    }

    /** Runs the command line on this test's data folder; what it printed, stdout and stderr. */
    private String cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(dataDir.toString());
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exit()).as("%s: %s%s", all, run.out(), run.err()).isZero();
        return run.out() + run.err();
    }
}
