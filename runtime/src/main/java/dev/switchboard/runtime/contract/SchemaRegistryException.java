package dev.switchboard.runtime.contract;

/** Something about the schemas folder or a schema file the user can fix: the message says what. */
public class SchemaRegistryException extends Exception {
    public SchemaRegistryException(String message) {
        super(message);
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
