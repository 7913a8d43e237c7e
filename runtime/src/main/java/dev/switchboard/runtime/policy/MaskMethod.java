package dev.switchboard.runtime.policy;

import java.util.Locale;

/** How a masking policy hides a field's value. */
public enum MaskMethod {
    /** The value becomes {@code ***}. */
    REDACT,
    /**
     * The value becomes {@code hmac-sha256:<hex>}, keyed with the policies' {@code hashKey} secret:
     * equal values give equal hashes (joins, counting) without the value being recoverable by
     * hashing guesses, as an unkeyed hash of a card number would be.
     */
    HASH,
    /** The value becomes {@code ***} followed by its last four characters ({@code ***4242}). */
    LAST4;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
