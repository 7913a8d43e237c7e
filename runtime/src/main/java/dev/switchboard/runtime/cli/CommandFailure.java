package dev.switchboard.runtime.cli;

/**
 * A command could not do its work for a reason the user can fix (no store where it looked, a
 * missing file, nothing found by that id). Its message is the one line the user sees; the CLI
 * prints it without a stack trace and exits {@link ExitCodes#FAILURE}.
 */
final class CommandFailure extends RuntimeException {
    CommandFailure(String message) {
        super(message);
    }

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
