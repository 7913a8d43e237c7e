package dev.switchboard.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretVaultTest {
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    @Test
    void keepsAnyValueAndNeverWritesItInClear() throws Exception {
        SecretVault vault = SecretVault.at(dir.resolve(SecretVault.FILE), PASSPHRASE);
        String pem = "-----BEGIN KEY-----\nMIIB=\n-----END KEY-----";
        vault.put("API_TOKEN", "t0ken-ünïcode=:#!");
        vault.put("TLS_KEY", pem);

        assertThat(SecretVault.at(vault.file(), PASSPHRASE).read())
                .containsExactly(Map.entry("API_TOKEN", "t0ken-ünïcode=:#!"), Map.entry("TLS_KEY", pem));
        String bytes = new String(Files.readAllBytes(vault.file()), StandardCharsets.ISO_8859_1);
        assertThat(bytes).startsWith("SBV1").doesNotContain("t0ken", "API_TOKEN", "BEGIN KEY");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vault.file())))
                .isEqualTo("rw-------");
    }

    @Test
    void eachWriteUsesAFreshSaltAndNonce() throws Exception {
        SecretVault vault = SecretVault.at(dir.resolve(SecretVault.FILE), PASSPHRASE);
        List<byte[]> versions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            vault.put("SAME", "value");
            versions.add(Files.readAllBytes(vault.file()));
        }
        assertThat(versions.get(0)).isNotEqualTo(versions.get(1));
    }

    @Test
    void theWrongKeyOrAChangedByteIsRefusedNotMisread() throws Exception {
        SecretVault vault = SecretVault.at(dir.resolve(SecretVault.FILE), PASSPHRASE);
        vault.put("API_TOKEN", "t0ken");

        assertThatThrownBy(() ->
                        SecretVault.at(vault.file(), "wrong".toCharArray()).read())
                .isInstanceOf(SecretVault.VaultException.class)
                .hasMessageContaining("the key is not the one it was written with, or the file was changed");

        byte[] bytes = Files.readAllBytes(vault.file());
        bytes[bytes.length - 5] ^= 1;
        Files.write(vault.file(), bytes);
        assertThatThrownBy(vault::read).isInstanceOf(SecretVault.VaultException.class);

        Files.writeString(vault.file(), "API_TOKEN=t0ken\n");
        assertThatThrownBy(vault::read)
                .isInstanceOf(SecretVault.VaultException.class)
                .hasMessageContaining("is not a Switchboard vault");
    }

    @Test
    void namesAreTheOnesFlowsCanReference() {
        SecretVault vault = SecretVault.at(dir.resolve(SecretVault.FILE), PASSPHRASE);
        assertThatThrownBy(() -> vault.put("1BAD", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1BAD' is not a secret name");
        assertThat(vault.remove("MISSING")).isFalse();
        assertThat(vault.exists()).isFalse();
    }

    @Test
    void theKeyComesFromTheEnvironmentFirstThenAnOwnerOnlyKeyFile() throws Exception {
        Path keyFile = dir.resolve(VaultKey.FILE);
        assertThat(VaultKey.find(name -> null, keyFile)).isEmpty();

        char[] generated = VaultKey.generate(keyFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(VaultKey.find(name -> null, keyFile))
                .hasValueSatisfying(k -> assertThat(k).isEqualTo(generated));
        assertThat(VaultKey.find(name -> VaultKey.VARIABLE.equals(name) ? "from-env" : null, keyFile))
                .hasValueSatisfying(k -> assertThat(new String(k)).isEqualTo("from-env"));
        assertThatThrownBy(() -> VaultKey.generate(keyFile))
                .as("a key is never replaced: the vault written with it would be lost")
                .isInstanceOf(java.io.UncheckedIOException.class);

        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> VaultKey.find(name -> null, keyFile))
                .isInstanceOf(SecretVault.VaultException.class)
                .hasMessageContaining("is readable by every user (mode 0644)")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void runReadsAnExplicitFileFirstThenTheVaultThenTheEnvironmentAndWarnsAboutAnExposedFile() throws Exception {
        Path keyFile = dir.resolve(VaultKey.FILE);
        SecretVault.at(dir.resolve(SecretVault.FILE), VaultKey.generate(keyFile))
                .put("BOTH", "vault");
        SecretVault.at(
                        dir.resolve(SecretVault.FILE),
                        VaultKey.find(n -> null, keyFile).orElseThrow())
                .put("VAULT_ONLY", "v");
        Path env = dir.resolve("secrets.env");
        Files.writeString(env, "BOTH=file\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = new ArrayList<>();

        SecretResolver secrets =
                SecretSources.load(dir, env, name -> "ENV_ONLY".equals(name) ? "e" : null, warnings::add);

        assertThat(secrets.value("BOTH")).hasValue("file");
        assertThat(secrets.value("VAULT_ONLY")).hasValue("v");
        assertThat(secrets.value("ENV_ONLY")).hasValue("e");
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("is readable by every user (mode 0644)", "chmod 600 " + env);

        Files.delete(keyFile);
        assertThatThrownBy(() -> SecretSources.load(dir, null, name -> null, warnings::add))
                .isInstanceOf(SecretVault.VaultException.class)
                .hasMessageContaining("needs its key: set " + VaultKey.VARIABLE);
    }
}
