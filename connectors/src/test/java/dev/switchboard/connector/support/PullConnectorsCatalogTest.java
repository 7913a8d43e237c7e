package dev.switchboard.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PropertySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kafka, SQL and file connectors are registered and describe themselves fully for the designer. */
class PullConnectorsCatalogTest {
    private static final List<String> IDS = List.of("kafka.consume", "kafka.produce", "sql.poll", "sql.insert", "sql.exec", "file.watch");

    @Test
    void everyConnectorIsRegisteredWithTitleIconHelpAndDescribedProperties() {
        ConnectorCatalog catalog = ConnectorCatalog.load();
        for (String id : IDS) {
            ConnectorSpec spec = catalog.find(id).orElseThrow(() -> new AssertionError(id + " is not registered")).spec();
            assertThat(spec.title()).as(id).isNotBlank().isNotEqualTo(id);
            assertThat(spec.description()).as(id).isNotBlank();
            assertThat(spec.icon()).as(id).isNotEqualTo("box");
            assertThat(spec.help()).as(id).hasSizeGreaterThan(200);
            assertThat(spec.properties()).as(id).isNotEmpty();
            for (PropertySpec property : spec.properties()) {
                assertThat(property.title()).as(id + "/" + property.name()).isNotBlank();
            }
            if (spec.kind() == ConnectorKind.TRIGGER) {
                assertThat(Json.parse(spec.sampleEvent()).isObject()).as(id + " sample event").isTrue();
            }
        }
    }

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
