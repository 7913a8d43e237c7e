package dev.switchboard.runtime.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where {@code run} and the designer find secret values, first found: a {@code secrets.env} file
 * given explicitly, the encrypted vault in the data folder ({@code switchboard secrets set}), the
 * environment. A {@code secrets.env} others may read still works but is warned about.
 */
public final class SecretSources {
    private SecretSources() {}

    /**
     * @param secretsEnv a {@code NAME=value} file, or null for none
     * @param warnings where a warning about an exposed file goes (one line each)
     * @throws SecretVault.VaultException when the vault exists but its key is missing or wrong
     */
    public static SecretResolver load(
            Path dataDir, Path secretsEnv, Function<String, String> environment, Consumer<String> warnings) {
        try {
            Map<String, String> file = Map.of();
            if (secretsEnv != null) {
                OwnerOnly.othersMayRead(secretsEnv)
                        .ifPresent(exposure -> warnings.accept("Warning: the secrets file " + secretsEnv + " is "
                                + exposure + "; run: chmod 600 " + secretsEnv + " (or keep the secrets in the"
                                + " encrypted vault: switchboard secrets set NAME)"));
                file = SecretResolver.readEnvFile(secretsEnv);
            }
            Map<String, String> vault = vaultSecrets(dataDir, environment);
            Map<String, String> fromFile = file;
            return new SecretResolver(name -> {
                String value = fromFile.get(name);
                if (value == null) {
                    value = vault.get(name);
                }
                return value != null ? value : environment.apply(name);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secrets file " + secretsEnv, e);
        }
    }

    /** The secrets in the data folder's vault; none when there is no vault. */
    private static Map<String, String> vaultSecrets(Path dataDir, Function<String, String> environment) {
        Path file = dataDir.resolve(SecretVault.FILE);
        if (!Files.exists(file)) {
            return Map.of();
        }
        Path keyFile = dataDir.resolve(VaultKey.FILE);
        char[] key = VaultKey.find(environment, keyFile)
                .orElseThrow(() -> new SecretVault.VaultException("The secrets vault " + file + " needs its key: set "
                        + VaultKey.VARIABLE + " or put the key in " + keyFile));
        return SecretVault.at(file, key).read();
    }
}
