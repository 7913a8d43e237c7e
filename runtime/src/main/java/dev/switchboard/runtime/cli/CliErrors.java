package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.store.Store;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what goes wrong into one line on stderr and an exit code, instead of picocli's full usage
 * dump or a Java stack trace: a wrong command line prints {@code error: …} plus where to read the
 * usage and exits {@link ExitCodes#USAGE}; a failing command prints {@code error: …} and exits
 * {@link ExitCodes#FAILURE}. The stack trace is printed only when {@link #DEBUG_VARIABLE} is set,
 * because for a user it buries the one sentence that matters.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    static final String DEBUG_VARIABLE = "SWITCHBOARD_DEBUG";

    private final boolean stackTraces;

    CliErrors(boolean stackTraces) {
        this.stackTraces = stackTraces;
    }

    /** {@code SWITCHBOARD_DEBUG} set to anything but empty, 0 or false asks for stack traces. */
    static boolean debugRequested(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return !v.isEmpty() && !v.equals("0") && !v.equals("false");
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + firstLine(e.getMessage()));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        if (stackTraces) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        Throwable cause = unwrap(e);
        if (cause instanceof CommandFailure || cause instanceof Store.StoreException) {
            err.println("error: " + firstLine(cause.getMessage()));
        } else {
            // a bug or an unforeseen condition: still one line, with the way to see more
            err.println("error: " + describe(cause)
                    + (stackTraces ? "" : " (set " + DEBUG_VARIABLE + "=1 for the stack trace)"));
        }
        if (stackTraces) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    /** Wrappers that only say "it happened on another thread" hide the message that explains it. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException
                        || t instanceof ExecutionException
                        || t instanceof InvocationTargetException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : firstLine(message);
    }

    /** Store and driver messages can run over several lines (SQL, hints); the first one says what failed. */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }
}
