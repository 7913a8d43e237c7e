package dev.switchboard.connector.support;

import java.time.Duration;

/** Short, readable status lines for connection failures: the cause users can act on, not a stack trace. */
public final class ConnectionProblems {
    private ConnectionProblems() {}

    /** "cannot connect to JMS broker tcp://h:61616 (Connection refused); retrying every 5s". */
    public static String cannotConnect(String target, Throwable cause, Duration retryEvery) {
        String retry = retryEvery == null ? "" : "; retrying every " + human(retryEvery);
        return "cannot connect to " + target + " (" + rootMessage(cause) + ")" + retry;
    }

    /** The innermost message of a cause chain: "Connection refused" rather than a wrapper's text. */
    public static String rootMessage(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = null;
        Throwable t = error;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
