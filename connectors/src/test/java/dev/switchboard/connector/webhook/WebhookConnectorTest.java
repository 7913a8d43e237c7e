package dev.switchboard.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import org.junit.jupiter.api.Test;

class WebhookConnectorTest {
    final WebhookConnector connector = new WebhookConnector();

    @Test
    void isRegisteredAsATriggerWithHelpAndASampleEvent() {
        assertThat(ConnectorCatalog.load().find("webhook")).containsInstanceOf(WebhookConnector.class);
        assertThat(connector.spec().kind()).isEqualTo(ConnectorKind.TRIGGER);
        assertThat(connector.spec().category()).isEqualTo("Triggers");
        assertThat(connector.spec().help()).contains("hmac-sha256").contains("202");
        assertThat(Json.parse(connector.spec().sampleEvent()).isObject()).isTrue();
    }

    @Test
    void onlyTheFieldsOfTheChosenAuthSchemeApply() {
        NodeConfig hmac = NodeConfig.of("path", "/h", "auth", "hmac-sha256");
        assertThat(connector.spec().properties()).filteredOn(p -> p.appliesTo(hmac)).extracting(PropertySpec::name)
                .containsExactly("path", "method", "auth", "secret", "signatureHeader", "eventType");
        NodeConfig basic = NodeConfig.of("path", "/h", "auth", "basic");
        assertThat(connector.spec().properties()).filteredOn(p -> p.appliesTo(basic)).extracting(PropertySpec::name)
                .contains("username", "password").doesNotContain("token", "secret");
        assertThat(connector.spec().property("token").orElseThrow().secret()).isTrue();
        assertThat(connector.spec().property("password").orElseThrow().secret()).isTrue();
        assertThat(connector.spec().property("secret").orElseThrow().secret()).isTrue();
    }

    @Test
    void pathsMustBePlainAbsolutePaths() {
        assertThat(connector.validate(NodeConfig.of("path", "/hooks/leads-2024"))).isEmpty();
        assertThat(connector.validate(NodeConfig.of("path", "hooks"))).extracting(ConfigProblem::pointer).containsExactly("/path");
        assertThat(connector.validate(NodeConfig.of("path", "/hooks?x=1"))).extracting(ConfigProblem::pointer).containsExactly("/path");
        assertThat(connector.validate(NodeConfig.of("path", "/h", "signatureHeader", "X Sig")))
                .extracting(ConfigProblem::pointer).containsExactly("/signatureHeader");
    }

    @Test
    void servesItsPathAndNothingWhileThePathIsBlank() {
        assertThat(connector.httpPaths(NodeConfig.of("path", "/hooks/leads"))).containsExactly("/hooks/leads");
        assertThat(connector.httpPaths(NodeConfig.of("path", " "))).isEmpty();
        assertThat(connector.httpPaths(NodeConfig.of("auth", "none"))).isEmpty();
    }

    @Test
    void otherConnectorsServeNoPaths() {
        assertThat(ConnectorCatalog.load().find("schedule").orElseThrow().httpPaths(NodeConfig.of("interval", "PT1M"))).isEmpty();
    }
}
