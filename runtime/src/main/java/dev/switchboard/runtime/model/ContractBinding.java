package dev.switchboard.runtime.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A node's data contract: the registered JSON Schema its events' {@code data} must match, and what
 * happens to an event that does not. On a trigger it applies to the events the trigger produces;
 * on any other node to the events entering it (for {@code event.publish} or {@code kafka.produce},
 * what they send).
 *
 * @param subject the schema subject, e.g. {@code orders}
 * @param version the subject's version, or null for its latest version when the flow is deployed
 * @param enforcement null when the file leaves it out ({@link Enforcement#REJECT} then applies)
 */
public record ContractBinding(String subject, Integer version, Enforcement enforcement) {

    public ContractBinding {
        Objects.requireNonNull(subject, "subject");
    }

    /** {@code orders@2} or {@code orders}: how the file names a subject and, optionally, its version. */
    public static ContractBinding parse(String reference, Enforcement enforcement) {
        int at = reference.lastIndexOf('@');
        if (at < 0) {
            return new ContractBinding(reference, null, enforcement);
        }
        String version = reference.substring(at + 1);
        if (!version.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException(
                    "A contract's version after '@' is a number from 1, not '" + version + "'");
        }
        return new ContractBinding(reference.substring(0, at), Integer.valueOf(version), enforcement);
    }

    /** As written in the file: {@code orders@2}, or {@code orders} for the latest version. */
    public String reference() {
        return version == null ? subject : subject + "@" + version;
    }

    public Optional<Integer> pinnedVersion() {
        return Optional.ofNullable(version);
    }

    public Enforcement effectiveEnforcement() {
        return enforcement == null ? Enforcement.REJECT : enforcement;
    }

    /** What happens to an event that breaks the contract. */
    public enum Enforcement {
        /** A trigger that answers over HTTP refuses it with 400 and keeps nothing. */
        REJECT("reject"),
        /** Kept in the dead letters with its violations; the run goes no further. */
        DEAD_LETTER("dead-letter"),
        /** Leaves through the node's {@code error} port, its violations in the {@code error} extension. */
        ERROR_PORT("error-port"),
        /** Goes on; logged, counted and noted in the run's step. */
        WARN("warn");

        private final String id;

        Enforcement(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Enforcement> of(String id) {
            for (Enforcement e : values()) {
                if (e.id.equals(id)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }
}
