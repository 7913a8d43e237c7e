package dev.switchboard.runtime.compile;

/** A flow could not be turned into routes; the message names the node and why. */
public final class FlowCompileException extends Exception {
    public FlowCompileException(String message) {
        super(message);
    }

    public FlowCompileException(String message, Throwable cause) {
        super(message, cause);
    }
}
