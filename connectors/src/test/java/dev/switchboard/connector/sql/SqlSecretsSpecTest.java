package dev.switchboard.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the SQL connectors declare beyond the conformance suite (runtime: BuiltInConnectorsConformanceTest). */
class SqlSecretsSpecTest {
    @Test
    void connectionSettingsOfDatabasesAreSecrets() {
        ConnectorCatalog catalog = ConnectorCatalog.load();
        for (String id : List.of("sql.poll", "sql.insert", "sql.exec")) {
            ConnectorSpec spec = catalog.find(id).orElseThrow().spec();
            assertThat(spec.property("jdbcUrl").orElseThrow().secret()).as(id).isTrue();
            assertThat(spec.property("password").orElseThrow().secret()).as(id).isTrue();
        }
    }
}
