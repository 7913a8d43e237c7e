package dev.switchboard.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

    @Test
    void resolvesSecretAndEnvReferencesInsideNestedConfig() throws Exception {
        SecretResolver resolver = SecretResolver.of(Map.of("TOKEN", "s3cr$t\\1", "ERP_URL", "http://127.0.0.1:9"));
        ConfigValue.Fields config = ConfigValue.object(
                "url", "{{env:ERP_URL}}/orders",
                "auth", ConfigValue.object("token", "{{ secret:TOKEN }}"),
                "headers", ConfigValue.list(ConfigValue.of("Bearer {{secret:TOKEN}}")),
                "body", "{{data.name}}");

        NodeConfig resolved = new NodeConfig(resolver.resolve(config));

        assertThat(resolved.string("url")).contains("http://127.0.0.1:9/orders");
        assertThat(resolved.object("auth").string("token")).contains("s3cr$t\\1");
        assertThat(resolved.list("headers")).containsExactly(ConfigValue.of("Bearer s3cr$t\\1"));
        assertThat(resolved.string("body")).contains("{{data.name}}");
    }

    @Test
    void missingReferencesAreAllNamedInOneError() {
        SecretResolver resolver = SecretResolver.of(Map.of());
        assertThatThrownBy(() -> resolver.resolve(ConfigValue.object("a", "{{secret:ONE}}", "b", "{{env:TWO}}")))
                .isInstanceOf(SecretResolver.MissingSecretException.class)
                .hasMessageContaining("ONE, TWO");
    }

    @Test
    void referencedNamesListsSecretsOnlyAndEnvNamesSeparately() {
        ConfigValue.Fields config = ConfigValue.object("a", "{{secret:A}} {{env:B}}", "c", ConfigValue.object("d", "{{secret:C}}"));
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
