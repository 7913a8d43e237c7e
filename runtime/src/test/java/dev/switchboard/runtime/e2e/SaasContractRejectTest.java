package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SaaS trigger bound to a contract with {@code reject}: a signed delivery that breaks it gets 400 and is not kept. */
class SaasContractRejectTest {
    @TempDir
    static Path dir;

    static DurableRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        SchemaRegistry registry = new SchemaRegistry(dir.resolve("schemas"));
        registry.register("stripe.invoice", """
                {"type": "object", "required": ["data"], "properties": {"data": {"type": "object",
                 "required": ["object"], "properties": {"object": {"type": "object", "required": ["currency"]}}}}}
                """);
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dir.resolve("data"), Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of("STRIPE", SaasTriggersFlowTest.STRIPE_SECRET)),
                null,
                HistoryOptions.defaults());
        runtime.engine().services().register(ContractSchemas.class, new ContractSchemas(registry));
        Node hook = node("hook", "stripe.event", "path", "/hooks/stripe-contract", "secret", "{{secret:STRIPE}}")
                .withContract(ContractBinding.parse("stripe.invoice", ContractBinding.Enforcement.REJECT));
        Flow flow = chain("stripecontract", hook, node("seen", "test.capture", "sink", "stripe-contract-in"));
        runtime.engine().deploy(flow);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    static HttpResponse<String> deliver(byte[] body) throws Exception {
        long t = SaasTriggersFlowTest.now();
        return SaasTriggersFlowTest.HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/stripe-contract"))
                        .header("Content-Type", "application/json")
                        .header(
                                "Stripe-Signature",
                                SaasTriggersFlowTest.stripeHeader(SaasTriggersFlowTest.STRIPE_SECRET, t, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrokenDeliveryIsRefusedWith400AndACorrectedCopyOfItIsAccepted() throws Exception {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        // stripeEvent's object has no currency
        HttpResponse<String> refused = deliver(SaasTriggersFlowTest.stripeEvent(id, "invoice.paid"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode answer = Json.parse(refused.body());
        assertThat(answer.path("contract").asText()).isEqualTo("stripe.invoice@1");
        assertThat(answer.path("violations").get(0).path("pointer").asText()).isEqualTo("/data/object/currency");
        assertThat(runtime.inbox().pendingCount()).isZero();
        assertThat(runtime.runs().list("stripecontract", null, 10)).isEmpty();

        // the delivery id was not remembered: the sender's corrected copy is a new delivery, not a duplicate
        byte[] fixed =
                SaasTriggersFlowTest.utf8("{\"id\": \"" + id + "\", \"object\": \"event\", \"type\": \"invoice.paid\","
                        + " \"data\": {\"object\": {\"id\": \"in_1\", \"currency\": \"eur\"}}}");
        HttpResponse<String> accepted = deliver(fixed);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await().until(() -> CaptureConnector.events("stripe-contract-in").size() == 1);
    }
}
