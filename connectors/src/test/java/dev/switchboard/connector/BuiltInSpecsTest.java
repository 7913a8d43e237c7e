package dev.switchboard.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PropertySpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The logic, transform and internal connectors are registered and fully described for the designer. */
class BuiltInSpecsTest {
    static final ConnectorCatalog CATALOG = ConnectorCatalog.load();

    @ParameterizedTest
    @ValueSource(strings = {"filter", "switch", "map", "log", "file.write", "event.publish", "event.subscribe"})
    void isRegisteredWithMetadataHelpAndAnExample(String id) {
        ConnectorSpec spec = CATALOG.find(id).orElseThrow().spec();

        assertThat(spec.category()).isIn("Logic", "Transform", "Actions", "Triggers");
        assertThat(spec.title()).isNotBlank().isNotEqualTo(id);
        assertThat(spec.description()).isNotBlank().doesNotContain("\n");
        assertThat(spec.icon()).isNotBlank().isNotEqualTo("box");
        assertThat(spec.help()).contains("```json");
        assertThat(spec.properties()).isNotEmpty();
        assertThat(allProperties(spec.properties())).allSatisfy(p -> {
            assertThat(p.title()).isNotBlank();
            if (!p.options().isEmpty() && p.defaultValue() != null) {
                assertThat(p.options()).contains(String.valueOf(p.defaultValue().toPlain()));
            }
        });
    }

    private static List<PropertySpec> allProperties(List<PropertySpec> properties) {
        return properties.stream()
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), allProperties(p.items()).stream()))
                .toList();
    }
}
