package dev.switchboard.runtime.engine.compile;

import dev.switchboard.runtime.validate.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A flow could not be turned into routes; the message names the node and why. */
public final class FlowCompileException extends Exception {
    private final List<Problem> problems;

    public FlowCompileException(String message) {
        super(message);
        this.problems = List.of();
    }

    public FlowCompileException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    private FlowCompileException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /**
     * A node whose config has errors, each named with its pointer within the node:
     * {@code Node 'f' (filter): config/rules/0/op: …; config/match: …}.
     */
    static FlowCompileException invalidConfig(String nodeId, String type, List<Problem> errors) {
        return new FlowCompileException(
                "Node '" + nodeId + "' (" + type + "): "
                        + errors.stream().map(Problem::toString).collect(Collectors.joining("; ")),
                errors);
    }

    /** The config errors that stopped the compile, pointers relative to the node ({@code config/…}); empty for other failures. */
    public List<Problem> problems() {
        return problems;
    }
}
