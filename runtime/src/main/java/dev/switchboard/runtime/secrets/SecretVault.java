package dev.switchboard.runtime.secrets;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets at rest: {@code NAME → value} in one file encrypted with AES-256-GCM, the way Node-RED
 * keeps credentials under its {@code credentialSecret}. The key is derived (PBKDF2-HMAC-SHA256,
 * a random salt per write) from a passphrase the caller gets from {@link VaultKey}; a wrong
 * passphrase or a changed byte fails authentication rather than giving garbage.
 *
 * <p>File layout: {@code SBV1} · salt (16) · nonce (12) · ciphertext with tag, where the plaintext
 * is the map in {@link Properties} text form (so any value, newlines included, round-trips). The
 * file is rewritten whole through a temporary file and an atomic move, owner-only.
 */
public final class SecretVault {
    /** The vault's file name in a data folder. */
    public static final String FILE = "secrets.vault";

    private static final byte[] MAGIC = "SBV1".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BITS = 256;
    // OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 0.2 s per open on these machines
    private static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final char[] passphrase;

    private SecretVault(Path file, char[] passphrase) {
        this.file = file;
        this.passphrase = passphrase.clone();
    }

    /** The vault at {@code file} (which need not exist yet), opened with {@code passphrase}. */
    public static SecretVault at(Path file, char[] passphrase) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("The vault's passphrase is empty");
        }
        return new SecretVault(file, passphrase);
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Every secret, by name (sorted); empty when the file does not exist. */
    public Map<String, String> read() {
        if (!exists()) {
            return new TreeMap<>();
        }
        try {
            return decrypt(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secrets vault " + file, e);
        }
    }

    /** Sets (adds or replaces) one secret and writes the vault. */
    public void put(String name, String value) {
        requireName(name);
        Map<String, String> secrets = read();
        secrets.put(name, value);
        write(secrets);
    }

    /** Removes one secret; false when it was not there (the file is then left alone). */
    public boolean remove(String name) {
        Map<String, String> secrets = read();
        if (secrets.remove(name) == null) {
            return false;
        }
        write(secrets);
        return true;
    }

    /** @throws IllegalArgumentException when flows could not reference {@code name} as {@code {{secret:NAME}}} */
    public static void requireName(String name) {
        if (!SecretResolver.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a secret name: use letters, digits and _,"
                    + " not starting with a digit (as in {{secret:API_TOKEN}})");
        }
    }

    private void write(Map<String, String> secrets) {
        try {
            OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".secrets", ".tmp");
            try {
                OwnerOnly.restrict(temp);
                Files.write(temp, encrypt(secrets));
                Files.move(
                        temp,
                        file,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the secrets vault " + file, e);
        }
    }

    private byte[] encrypt(Map<String, String> secrets) {
        Properties properties = new Properties();
        properties.putAll(secrets);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] salt = random(SALT_BYTES);
        byte[] nonce = random(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(salt), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(MAGIC);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(MAGIC.length + SALT_BYTES + NONCE_BYTES + sealed.length)
                    .put(MAGIC)
                    .put(salt)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java: " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private Map<String, String> decrypt(byte[] bytes) {
        int header = MAGIC.length + SALT_BYTES + NONCE_BYTES;
        if (bytes.length < header + TAG_BITS / 8 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new VaultException("The secrets vault " + file + " is not a Switchboard vault (or is cut short)");
        }
        byte[] salt = Arrays.copyOfRange(bytes, MAGIC.length, MAGIC.length + SALT_BYTES);
        byte[] nonce = Arrays.copyOfRange(bytes, MAGIC.length + SALT_BYTES, header);
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(salt), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(MAGIC);
            plain = cipher.doFinal(bytes, header, bytes.length - header);
        } catch (AEADBadTagException e) {
            throw new VaultException("Cannot open the secrets vault " + file
                    + ": the key is not the one it was written with, or the file was changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java: " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(plain, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        Map<String, String> secrets = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> secrets.put(name, properties.getProperty(name)));
        return secrets;
    }

    private SecretKeySpec key(byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, ITERATIONS, KEY_BITS);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            return new SecretKeySpec(key, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The vault cannot be opened: not a vault, or the wrong key. */
    public static final class VaultException extends RuntimeException {
        public VaultException(String message) {
            super(message);
        }
    }
}
