package dev.switchboard.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs samples/shopify-order-to-kafka-to-erp.flow.json and samples/erp-from-kafka.flow.json
 * together against a real KRaft broker in this JVM and a loopback ERP. Only the broker address and
 * the consumer's start position (earliest) are changed.
 */
class ShopifyOrderToKafkaToErpSampleTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void signedShopifyOrdersTravelThroughKafkaToTheErp() throws Exception {
        WireMockServer erp = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        erp.start();
        try (KafkaClusterTestKit kafka = ClickstreamOffersSampleTest.broker()) {
            erp.stubFor(post(urlEqualTo("/erp/api/orders"))
                    .willReturn(aResponse().withStatus(201).withBody("{\"accepted\": true}")));
            try (Admin admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic("shop.orders", 1, (short) 1)))
                        .all()
                        .get();
            }
            SecretResolver secrets = SecretResolver.of(Map.of(
                    "SHOPIFY_CLIENT_SECRET", "shpss_test",
                    "ERP_TOKEN", "erp-token-1",
                    "ERP_URL", "http://127.0.0.1:" + erp.port() + "/erp"));
            try (Engine engine = new Engine(
                            new EngineOptions("127.0.0.1", 0, dir, Duration.ofSeconds(2)),
                            ConnectorCatalog.load(),
                            secrets)
                    .start()) {
                engine.deploy(againstBroker(load("shopify-order-to-kafka-to-erp"), kafka.bootstrapServers()));
                engine.deploy(againstBroker(load("erp-from-kafka"), kafka.bootstrapServers()));

                String order = """
                        {"id":820982911946154508,"admin_graphql_api_id":"gid://shopify/Order/820982911946154508","name":"#1042","email":" Ada@Example.com","created_at":"2026-11-29T10:15:00-05:00","currency":"EUR","total_price":"49.99","financial_status":"paid","customer":{"id":115310627314723954,"email":"ada@example.com","first_name":"Ada","last_name":"Lovelace"},"line_items":[{"id":866550311766439020,"sku":"ENG-001","title":"Difference engine kit","quantity":1,"price":"49.99"}]}""";
                assertThat(shopify(engine, "orders/create", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", order, "shpss_test")
                                .statusCode())
                        .isEqualTo(202);
                assertThat(shopify(
                                        engine,
                                        "products/update",
                                        "b54557e4-bdd9-4b37-8a5f-bf7d70bcd044",
                                        "{\"id\":632910392,\"title\":\"Difference engine kit\"}",
                                        "shpss_test")
                                .statusCode())
                        .isEqualTo(202);
                assertThat(shopify(engine, "orders/create", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd045", order, "wrong")
                                .statusCode())
                        .isEqualTo(401);

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> !erp.findAll(postRequestedFor(urlEqualTo("/erp/api/orders")))
                                .isEmpty());
                // and no second post follows
                await().during(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> erp.findAll(postRequestedFor(urlEqualTo("/erp/api/orders")))
                                        .size()
                                == 1);
            }
            List<LoggedRequest> posts = erp.findAll(postRequestedFor(urlEqualTo("/erp/api/orders")));
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0).getHeader("Authorization")).isEqualTo("Bearer erp-token-1");
            assertThat(posts.get(0).getHeader("Idempotency-Key")).isNotBlank();
            JsonNode body = Json.parse(posts.get(0).getBodyAsString());
            assertThat(body.path("externalId").asText()).isEqualTo("shopify-820982911946154508");
            assertThat(body.path("number").asText()).isEqualTo("#1042");
            assertThat(body.at("/customer/email").asText()).isEqualTo("ada@example.com");
            assertThat(body.at("/amount/value").decimalValue()).isEqualByComparingTo("49.99");
            assertThat(body.at("/amount/currency").asText()).isEqualTo("EUR");
            assertThat(body.path("orderedAt").asText()).isEqualTo("2026-11-29T10:15:00-05:00");
            assertThat(body.at("/lines/0/sku").asText()).isEqualTo("ENG-001");
        } finally {
            erp.stop();
        }
    }

    private static Flow load(String id) throws Exception {
        return FlowCodec.read(Files.readString(Path.of(id + ".flow.json")));
    }

    private static Flow againstBroker(Flow sample, String brokers) {
        List<Node> nodes = new ArrayList<>();
        for (Node node : sample.nodes()) {
            ConfigValue.Fields config = node.config();
            if (node.type().startsWith("kafka.")) {
                config = config.with("brokers", ConfigValue.of(brokers));
            }
            if (node.type().equals("kafka.consume")) {
                config = config.with("startFrom", ConfigValue.of("earliest"));
            }
            nodes.add(node.withConfig(config));
        }
        return sample.withNodes(nodes);
    }

    private static HttpResponse<String> shopify(Engine engine, String topic, String id, String body, String secret)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.httpBaseUrl() + "/hooks/shopify"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Webhook-Id", id)
                .header("X-Shopify-Shop-Domain", "acme.myshopify.com")
                .header("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(SaasSamplesTest.hmac(secret, body)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
