package dev.switchboard.runtime.validate;

import dev.switchboard.connector.support.Quote;

/**
 * One thing wrong with a flow, located by a JSON pointer into the flow file.
 *
 * @param pointer RFC 6901 pointer, e.g. {@code /nodes/2/config/url}; empty string for the whole file
 * @param nodeId the node concerned, or null
 * @param property the config property concerned (top-level name), or null
 * @param line 1-based line in the file text when known (malformed JSON), else 0
 * @param column 1-based column when known, else 0
 */
public record Problem(
        Severity severity, String pointer, String message, String nodeId, String property, int line, int column) {

    /**
     * Checks quote what they found shortened ({@link Quote#single}); this is the safety net for
     * messages from elsewhere (a connector's own checks): no value is ever printed in full.
     */
    public Problem {
        message = Quote.withinMessage(message);
    }

    public enum Severity {
        ERROR,
        WARNING
    }

    public static Problem error(String pointer, String message) {
        return new Problem(Severity.ERROR, pointer, message, null, null, 0, 0);
    }

    public static Problem nodeError(String pointer, String nodeId, String property, String message) {
        return new Problem(Severity.ERROR, pointer, message, nodeId, property, 0, 0);
    }

    /** Something that works but is probably not what was meant (a trigger wired to nothing). */
    public static Problem warning(String pointer, String nodeId, String message) {
        return new Problem(Severity.WARNING, pointer, message, nodeId, null, 0, 0);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code /nodes/1/config/url: must be an http(s) URL} — the form the CLI prints. */
    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ", column " + column : (pointer.isEmpty() ? "/" : pointer);
        return where + ": " + message;
    }
}
