package dev.switchboard.runtime.cli;

/**
 * The exit codes every {@code switchboard} command keeps to — a contract for scripts and CI. The
 * {@code *_LINE} constants are picocli {@code exitCodeList} entries ("code:description") for the
 * help footers.
 */
final class ExitCodes {
    /** It worked. */
    static final int OK = 0;
    /** The command line was fine but the command failed: nothing found, a flow with problems, a missing file, no store. */
    static final int FAILURE = 1;
    /** The command line itself is wrong: an unknown option, a missing argument, a value out of range. */
    static final int USAGE = 2;

    static final String OK_LINE = "0:ok";
    static final String FAILURE_LINE = "1:failure (the message says why)";
    static final String USAGE_LINE = "2:usage error (unknown option, missing argument, value out of range)";

    private ExitCodes() {}
}
