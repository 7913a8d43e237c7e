package dev.switchboard.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.config.ConfigValue;
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
        assertThat(connector.spec().properties())
                .filteredOn(p -> p.appliesTo(hmac))
                .extracting(PropertySpec::name)
                .containsExactly(
                        "path",
                        "method",
                        "auth",
                        "secret",
                        "signatureHeader",
                        "timestampHeader",
                        "tolerance",
                        "eventType",
                        "maxBodySize");
        NodeConfig basic = NodeConfig.of("path", "/h", "auth", "basic");
        assertThat(connector.spec().properties())
                .filteredOn(p -> p.appliesTo(basic))
                .extracting(PropertySpec::name)
                .contains("username", "password")
                .doesNotContain("token", "secret");
        assertThat(connector.spec().property("token").orElseThrow().secret()).isTrue();
        assertThat(connector.spec().property("password").orElseThrow().secret()).isTrue();
        assertThat(connector.spec().property("secret").orElseThrow().secret()).isTrue();
    }

    @Test
    void pathsMustBePlainAbsolutePaths() {
        assertThat(connector.validate(NodeConfig.of("path", "/hooks/leads-2024")))
                .isEmpty();
        assertThat(connector.validate(NodeConfig.of("path", "hooks")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/path");
        assertThat(connector.validate(NodeConfig.of("path", "/hooks?x=1")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/path");
        assertThat(connector.validate(NodeConfig.of("path", "/h", "signatureHeader", "X Sig")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/signatureHeader");
    }

    @Test
    void theBodyLimitIsASizeBetween1KbAnd50Mb() {
        assertThat(connector.spec().property("maxBodySize").orElseThrow().defaultValue())
                .isEqualTo(ConfigValue.of("10MB"));
        assertThat(connector.validate(NodeConfig.of("path", "/h", "maxBodySize", "512KB")))
                .isEmpty();
        assertThat(connector.validate(NodeConfig.of("path", "/h", "maxBodySize", "50MB")))
                .isEmpty();
        assertThat(connector.validate(NodeConfig.of("path", "/h", "maxBodySize", "2048")))
                .isEmpty();
        assertThat(connector.validate(NodeConfig.of("path", "/h", "maxBodySize", "ten megabytes")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/maxBodySize");
                    assertThat(p.message())
                            .isEqualTo("'ten megabytes' is not a size: use e.g. 512KB, 10MB or a number of bytes");
                });
        assertThat(connector.validate(NodeConfig.of("path", "/h", "maxBodySize", "51MB")))
                .extracting(ConfigProblem::message)
                .containsExactly("maxBodySize must be between 1KB and 50MB, not 51MB");
        assertThat(connector.validate(NodeConfig.of("path", "/h", "maxBodySize", "100")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/maxBodySize");
    }

    @Test
    void theTimestampHeaderMustBeAHeaderNameAndTheToleranceAtLeastASecond() {
        assertThat(connector.validate(NodeConfig.of(
                        "path", "/h", "auth", "hmac-sha256", "timestampHeader", "X-Timestamp", "tolerance", "30s")))
                .isEmpty();
        assertThat(connector.validate(NodeConfig.of("path", "/h", "timestampHeader", "X Timestamp")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/timestampHeader");
        assertThat(connector.validate(NodeConfig.of("path", "/h", "tolerance", "500ms")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/tolerance");
    }

    @Test
    void servesItsPathAndNothingWhileThePathIsBlank() {
        assertThat(connector.httpPaths(NodeConfig.of("path", "/hooks/leads"))).containsExactly("/hooks/leads");
        assertThat(connector.httpPaths(NodeConfig.of("path", " "))).isEmpty();
        assertThat(connector.httpPaths(NodeConfig.of("auth", "none"))).isEmpty();
    }

    @Test
    void otherConnectorsServeNoPaths() {
        assertThat(ConnectorCatalog.load().find("schedule").orElseThrow().httpPaths(NodeConfig.of("interval", "PT1M")))
                .isEmpty();
    }
}
