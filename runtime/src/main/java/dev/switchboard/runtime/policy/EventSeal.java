package dev.switchboard.runtime.policy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Events at rest in the store's inbox and dead letters, encrypted while masking policies are in
 * force: the runtime must keep the real event to deliver and replay it, yet no store file may hold
 * a masked field in clear. AES-256-GCM, the key derived (PBKDF2) from the vault key — the
 * {@code SWITCHBOARD_SECRETS_KEY} variable or the owner-only {@code secrets.key} in the data folder.
 * A sealed event is the text {@value #PREFIX} + base64(nonce, ciphertext); anything else is plain
 * CloudEvents JSON, read as it is (rows written before policies were in force).
 */
public final class EventSeal {
    public static final String PREFIX = "sbseal1:";
    private static final byte[] SALT = "switchboard event seal v1".getBytes(StandardCharsets.US_ASCII);
    private static final int ITERATIONS = 210_000;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] passphrase;
    /** Derived on first use: a runtime that never meets a sealed event pays nothing for PBKDF2. */
    private volatile SecretKeySpec key;

    private EventSeal(char[] passphrase) {
        this.passphrase = passphrase.clone();
    }

    /** A seal keyed from the vault passphrase (the caller's array is cleared). */
    public static EventSeal fromPassphrase(char[] passphrase) {
        try {
            return new EventSeal(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (key == null) {
                PBEKeySpec spec = new PBEKeySpec(passphrase, SALT, ITERATIONS, 256);
                try {
                    byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                            .generateSecret(spec)
                            .getEncoded();
                    key = new SecretKeySpec(bytes, "AES");
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Cannot derive the event seal key: " + e.getMessage(), e);
                } finally {
                    spec.clearPassword();
                }
            }
            return key;
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String seal(String json) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length);
            out.put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal an event: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON of a stored event: opened when sealed, as it is when plain.
     *
     * @throws SealException when it was sealed with another key or altered
     */
    public String open(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealException("A sealed event cannot be opened with this vault key (another key, or the"
                    + " row was altered): " + e.getMessage());
        }
    }

    /** A sealed event that this key does not open. */
    public static final class SealException extends RuntimeException {
        public SealException(String message) {
            super(message);
        }
    }
}
