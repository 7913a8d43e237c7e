package dev.switchboard.runtime.contract;

import java.util.List;

/** A new version refused because it breaks the subject's compatibility mode. */
public final class IncompatibleSchemaException extends SchemaRegistryException {
    private final transient List<SchemaChange> breakingChanges;

    public IncompatibleSchemaException(String subject, int latest, CompatibilityMode mode, List<SchemaChange> changes) {
        super("The schema is not " + mode + " compatible with " + subject + "@" + latest + ": " + changes.size()
                + " breaking change(s)");
        this.breakingChanges = List.copyOf(changes);
    }

    public List<SchemaChange> breakingChanges() {
        return breakingChanges;
    }
}
