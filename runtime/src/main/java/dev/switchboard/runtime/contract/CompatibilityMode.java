package dev.switchboard.runtime.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * Which new versions a subject accepts, as in Confluent Schema Registry, checked against the
 * subject's latest version only (Confluent's non-transitive modes).
 */
public enum CompatibilityMode {
    /** Consumers on the new version read everything produced with the previous one. The default. */
    BACKWARD,
    /** Consumers still on the previous version read everything produced with the new one. */
    FORWARD,
    /** Both. */
    FULL,
    /** Any new version is accepted. */
    NONE;

    public static final CompatibilityMode DEFAULT = BACKWARD;

    public static Optional<CompatibilityMode> of(String name) {
        for (CompatibilityMode mode : values()) {
            if (mode.name().equals(name == null ? null : name.toUpperCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** Whether a change that breaks the given directions breaks this mode. */
    boolean isBrokenBy(SchemaChange change) {
        return switch (this) {
            case BACKWARD -> change.breaksBackward();
            case FORWARD -> change.breaksForward();
            case FULL -> change.breaksBackward() || change.breaksForward();
            case NONE -> false;
        };
    }
}
