package dev.switchboard.runtime.format;

/** The text is not JSON at all; line and column are 1-based (0 when unknown). */
public final class MalformedFlowException extends Exception {
    private final int line;
    private final int column;

    public MalformedFlowException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
