package dev.switchboard.runtime.contract;

import java.util.List;

/** A schema refused before any compatibility check: not JSON, not a schema, or not valid against the meta-schema. */
public final class InvalidSchemaException extends SchemaRegistryException {
    /**
     * One place the schema is wrong.
     *
     * @param pointer JSON pointer into the schema ({@code ""} for the whole of it)
     */
    public record Problem(String pointer, String message) {}

    private final transient List<Problem> problems;

    public InvalidSchemaException(String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
