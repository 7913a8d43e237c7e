package dev.switchboard.connector.jms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerConnectorSpecsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jms.consume",
                "jms.send",
                "amqp.consume",
                "amqp.send",
                "mqtt.subscribe",
                "mqtt.publish",
                "email.send",
                "mail.receive"
            })
    void connectorIsRegisteredWithFullMetadata(String id) {
        ConnectorSpec spec = ConnectorCatalog.load().find(id).orElseThrow().spec();
        assertThat(spec.title()).isNotBlank().isNotEqualTo(id);
        assertThat(spec.description()).isNotBlank();
        assertThat(spec.icon()).isNotEqualTo("box");
        assertThat(spec.help()).contains("**");
        assertThat(spec.properties()).allSatisfy(p -> assertThat(p.title()).isNotBlank());
        assertThat(spec.properties())
                .filteredOn(p -> p.name().equals("password"))
                .allSatisfy(p -> assertThat(p.secret()).isTrue());
        if (spec.kind() == ConnectorKind.TRIGGER) {
            assertThat(spec.sampleEvent()).isNotBlank();
        }
        assertThat(spec.properties()).filteredOn(PropertySpec::required).isNotEmpty();
    }

    @Test
    void destinationNamesWithSpacesOrQueryCharactersAreRejected() {
        assertThat(JmsRoutes.validate(NodeConfig.of("destination", "orders?x=1")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/destination");
        assertThat(JmsRoutes.validate(NodeConfig.of("destination", "orders.eu")))
                .isEmpty();
    }

    @Test
    void messagePropertyNamesMustBeIdentifiersAndValuesValidTemplates() {
        NodeConfig config = NodeConfig.of(
                "destination",
                "q",
                "headers",
                ConfigValue.object("order-id", "{{data.id}}", "region", "{{data.r | nope}}"));
        assertThat(JmsRoutes.validate(config))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/headers/order-id", "/headers/region");
    }
}
