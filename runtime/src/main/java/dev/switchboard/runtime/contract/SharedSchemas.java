package dev.switchboard.runtime.contract;

import java.util.List;
import java.util.Optional;

/**
 * Schema versions and compatibility modes kept outside the schemas folder, in the runtime's store,
 * where every runtime sharing the store sees them. {@link SchemaRegistry#withStore} merges them
 * with the folder into one view.
 */
public interface SharedSchemas {
    /** Where these schemas are, for messages: {@code the store (jdbc:h2:…)}. */
    String where();

    List<String> subjects() throws SchemaRegistryException;

    /** The subject's versions, ascending; empty for an unknown subject. */
    List<Integer> versions(String subject) throws SchemaRegistryException;

    /** A version's schema text as registered. */
    Optional<String> text(String subject, int version) throws SchemaRegistryException;

    /** The mode set for the subject, if one was. */
    Optional<CompatibilityMode> mode(String subject) throws SchemaRegistryException;

    void setMode(String subject, CompatibilityMode mode) throws SchemaRegistryException;

    /** Stores a new version; false, storing nothing, when the version is taken already. */
    boolean add(String subject, int version, String text) throws SchemaRegistryException;
}
