package dev.switchboard.runtime.importer.nodered;

/** The export cannot be read at all; the message starts with the JSON pointer (or line and column) of the fault. */
public final class ImportException extends Exception {
    public ImportException(String message) {
        super(message);
    }
}
