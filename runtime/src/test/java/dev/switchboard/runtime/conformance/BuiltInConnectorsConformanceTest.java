package dev.switchboard.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every built-in connector passes the conformance suite; the test-only connectors on this class path are left out. */
class BuiltInConnectorsConformanceTest extends ConnectorConformance {
    private static final ConnectorCatalog CATALOG = ConnectorCatalog.load();

    @Override
    protected List<Connector> connectors() {
        return builtIns(CATALOG);
    }

    @Override
    protected Map<String, String> secrets() {
        // the SQL connectors' examples read their JDBC URL from this secret, and check its form while compiling
        return Map.of("ORDERS_DB_URL", "jdbc:h2:mem:conformance");
    }

    @Test
    void theBuiltInsAreTheRegisteredConnectorsOfTheConnectorsModule() {
        assertThat(connectors())
                .extracting(c -> c.spec().id())
                .hasSize(40)
                .contains(
                        "webhook",
                        "schedule",
                        "filter",
                        "switch",
                        "map",
                        "dedupe",
                        "score",
                        "learn",
                        "split",
                        "batch",
                        "throttle",
                        "delay",
                        "http.request",
                        "log",
                        "file.write",
                        "stripe.event",
                        "github.event",
                        "slack.event",
                        "shopify.event",
                        "hubspot.event",
                        "slack.post",
                        "github.issue",
                        "github.comment",
                        "hubspot.contact")
                .doesNotContain("test.inject", "test.capture");
    }
}
