package dev.switchboard.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

    private static final List<PropertySpec> SPECS = List.of(
            PropertySpec.builder("url", PropertyType.TEMPLATE).build(),
            PropertySpec.builder("auth", PropertyType.JSON).secret().build(),
            PropertySpec.builder("headers", PropertyType.LIST).acceptsSecrets().build(),
            PropertySpec.builder("body", PropertyType.TEMPLATE).build(),
            PropertySpec.builder("message", PropertyType.TEMPLATE).build(),
            PropertySpec.builder("branches", PropertyType.LIST)
                    .items(
                            PropertySpec.builder("name", PropertyType.STRING).build(),
                            PropertySpec.builder("key", PropertyType.SECRET).build())
                    .build());

    @Test
    void resolvesSecretAndEnvReferencesInsideNestedConfig() throws Exception {
        SecretResolver resolver = SecretResolver.of(Map.of("TOKEN", "s3cr$t\\1", "ERP_URL", "http://127.0.0.1:9"));
        ConfigValue.Fields config = ConfigValue.object(
                "url",
                "{{env:ERP_URL}}/orders",
                "auth",
                ConfigValue.object("token", "{{ secret:TOKEN }}"),
                "headers",
                ConfigValue.list(ConfigValue.of("Bearer {{secret:TOKEN}}")),
                "body",
                "{{data.name}}");

        NodeConfig resolved = new NodeConfig(resolver.resolve(config, SPECS));

        assertThat(resolved.string("url")).contains("http://127.0.0.1:9/orders");
        assertThat(resolved.object("auth").string("token")).contains("s3cr$t\\1");
        assertThat(resolved.list("headers")).containsExactly(ConfigValue.of("Bearer s3cr$t\\1"));
        assertThat(resolved.string("body")).contains("{{data.name}}");
    }

    @Test
    void secretsResolveOnlyWhereTheirPropertyAllowsThemSettingsEverywhere() throws Exception {
        SecretResolver resolver = SecretResolver.of(Map.of("API_KEY", "k3y-value", "HOST", "example.test"));
        ConfigValue.Fields config = ConfigValue.object(
                "message", "key={{secret:API_KEY}} host={{env:HOST}}",
                "unknown", "{{secret:API_KEY}}",
                "branches",
                        ConfigValue.list(
                                ConfigValue.object("name", "{{secret:API_KEY}}", "key", "{{secret:API_KEY}}")));

        NodeConfig resolved = new NodeConfig(resolver.resolve(config, SPECS));

        assertThat(resolved.string("message")).contains("key={{secret:API_KEY}} host=example.test");
        assertThat(resolved.string("unknown")).contains("{{secret:API_KEY}}");
        assertThat(resolved.list("branches"))
                .containsExactly(ConfigValue.object("name", "{{secret:API_KEY}}", "key", "k3y-value"));
    }

    @Test
    void missingReferencesAreAllNamedInOneError() {
        SecretResolver resolver = SecretResolver.of(Map.of());
        assertThatThrownBy(() -> resolver.resolve(
                        ConfigValue.object(
                                "url", "{{secret:NOT_ALLOWED_HERE}}", "auth", "{{secret:ONE}}", "body", "{{env:TWO}}"),
                        SPECS))
                .isInstanceOf(SecretResolver.MissingSecretException.class)
                .hasMessageContaining("ONE, TWO")
                .hasMessageNotContaining("NOT_ALLOWED_HERE");
    }

    @Test
    void referencedNamesListsSecretsOnlyAndEnvNamesSeparately() {
        ConfigValue.Fields config =
                ConfigValue.object("a", "{{secret:A}} {{env:B}}", "c", ConfigValue.object("d", "{{secret:C}}"));
        assertThat(SecretResolver.referencedNames(config)).containsExactly("A", "C");
        assertThat(SecretResolver.referencedEnvNames(config)).containsExactly("B");
    }

    @Test
    void envFileValuesWinOverTheEnvironmentAndQuotesAreStripped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets.env");
        Files.writeString(file, "# comment\nPATH=from-file\nQUOTED=\"a b\"\n\n");
        SecretResolver resolver = SecretResolver.fromFileAndEnvironment(file);
        assertThat(resolver.value("PATH")).contains("from-file");
        assertThat(resolver.value("QUOTED")).contains("a b");
    }
}
