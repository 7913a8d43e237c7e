package dev.switchboard.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs samples/orders-to-erp.flow.json as shipped: an H2 orders table polled into a local fake ERP. */
class OrdersToErpSampleTest {
    @TempDir
    Path dir;

    @Test
    void newOrdersArePostedToTheErpOnceAndMarkedExported() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("shop").toAbsolutePath();
        sql(
                url,
                "CREATE TABLE orders (id INT PRIMARY KEY, customer_email VARCHAR(100), total DECIMAL(10,2), currency VARCHAR(3),"
                        + " created_at TIMESTAMP WITH TIME ZONE, exported BOOLEAN DEFAULT FALSE)",
                "INSERT INTO orders (id, customer_email, total, currency, created_at) VALUES"
                        + " (1, ' Ada@Example.COM ', 99.50, 'eur', TIMESTAMP WITH TIME ZONE '2026-11-28 09:00:00+00'),"
                        + " (2, 'bob@example.com', 12.00, NULL, TIMESTAMP WITH TIME ZONE '2026-11-28 09:05:00+00')");
        WireMockServer erp = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        erp.start();
        try {
            erp.stubFor(post(urlEqualTo("/erp/api/orders"))
                    .willReturn(aResponse().withStatus(201).withBody("{\"accepted\": true}")));
            SecretResolver secrets = SecretResolver.of(Map.of(
                    "ORDERS_DB_URL",
                    url,
                    "ORDERS_DB_USER",
                    "sa",
                    "ORDERS_DB_PASSWORD",
                    "",
                    "ERP_TOKEN",
                    "erp-token-1",
                    "ERP_URL",
                    "http://127.0.0.1:" + erp.port() + "/erp"));
            try (Engine engine = new Engine(
                            new EngineOptions("127.0.0.1", 0, dir.resolve("data"), Duration.ofSeconds(2)),
                            ConnectorCatalog.load(),
                            secrets)
                    .start()) {
                engine.deploy(FlowCodec.read(Files.readString(Path.of("orders-to-erp.flow.json"))));

                await().atMost(Duration.ofSeconds(20))
                        .until(() -> count(url, "SELECT COUNT(*) FROM orders WHERE exported") == 2);
            }
            List<LoggedRequest> posts = erp.findAll(postRequestedFor(urlEqualTo("/erp/api/orders"))
                    .withHeader("Authorization", equalTo("Bearer erp-token-1"))
                    .withHeader("Idempotency-Key", matching(".+")));
            assertThat(posts).hasSize(2);
            List<com.fasterxml.jackson.databind.JsonNode> bodies = posts.stream()
                    .map(r -> Json.parse(r.getBodyAsString()))
                    .sorted(Comparator.comparing(b -> b.path("externalId").asText()))
                    .toList();
            assertThat(bodies).extracting(b -> b.path("externalId").asText()).containsExactly("shop-1", "shop-2");
            assertThat(bodies)
                    .extracting(b -> b.at("/customer/email").asText())
                    .containsExactly("ada@example.com", "bob@example.com");
            assertThat(bodies)
                    .extracting(b -> b.at("/amount/value")
                            .decimalValue()
                            .stripTrailingZeros()
                            .toPlainString())
                    .containsExactly("99.5", "12");
            assertThat(bodies)
                    .extracting(b -> b.at("/amount/currency").asText())
                    .containsExactly("EUR", "EUR");
            assertThat(bodies)
                    .extracting(b -> b.path("orderedAt").asText())
                    .containsExactly("2026-11-28T09:00:00Z", "2026-11-28T09:05:00Z");
        } finally {
            erp.stop();
        }
    }

    private static void sql(String url, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long count(String url, String query) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
