package dev.switchboard.runtime.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the secrets vault's passphrase comes from, first found: the environment variable
 * {@value #VARIABLE} (the way to keep key and vault apart: a service manager's credential, a
 * container secret), else a key file — by default {@value #FILE} beside the vault, generated owner-only
 * the first time a secret is set. A key file others may read is refused, as ssh refuses such a key.
 */
public final class VaultKey {
    public static final String VARIABLE = "SWITCHBOARD_SECRETS_KEY";
    public static final String FILE = "secrets.key";

    private VaultKey() {}

    /** The passphrase, if one is configured; a key file that exists must be owner-only. */
    public static Optional<char[]> find(Function<String, String> environment, Path keyFile) {
        String fromEnvironment = environment.apply(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.strip().toCharArray());
        }
        if (!Files.isRegularFile(keyFile)) {
            return Optional.empty();
        }
        try {
            Optional<String> exposed = OwnerOnly.othersMayRead(keyFile);
            if (exposed.isPresent()) {
                throw new SecretVault.VaultException("The vault key " + keyFile + " is " + exposed.get()
                        + ": anyone who can read it can read every secret. Run: chmod 600 " + keyFile);
            }
            String key = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                throw new SecretVault.VaultException("The vault key " + keyFile + " is empty");
            }
            return Optional.of(key.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vault key " + keyFile, e);
        }
    }

    /** Writes a new random key (256 bits, base64) to {@code keyFile}, owner-only, and returns it. */
    public static char[] generate(Path keyFile) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            OwnerOnly.createDirectories(keyFile.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), ".secrets-key", ".tmp");
            try {
                OwnerOnly.restrict(temp);
                Files.writeString(temp, key + "\n", StandardCharsets.UTF_8);
                // never replaces a key: a vault written with the old one would be lost
                Files.move(temp, keyFile);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the vault key " + keyFile, e);
        }
        return key.toCharArray();
    }
}
