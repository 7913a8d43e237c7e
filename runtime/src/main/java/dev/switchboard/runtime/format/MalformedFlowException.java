package dev.switchboard.runtime.format;

/**
 * The text cannot be read as a flow file: not JSON, not UTF-8, or beyond {@link FlowLimits}. Line
 * and column are 1-based (0 when unknown).
 */
public final class MalformedFlowException extends Exception {
    private final int line;
    private final int column;
    private final boolean syntax;

    /** A problem explained in its own words (a limit, the encoding, an empty file). */
    public MalformedFlowException(String message, int line, int column) {
        this(message, line, column, false);
    }

    /** @param syntax true when the message is the JSON parser's own description of a syntax error */
    public MalformedFlowException(String message, int line, int column, boolean syntax) {
        super(message);
        this.line = line;
        this.column = column;
        this.syntax = syntax;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** True when the text is not JSON at all and the message is the parser's wording. */
    public boolean isSyntaxError() {
        return syntax;
    }
}
