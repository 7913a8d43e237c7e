package dev.switchboard.connector.support;

import java.time.Duration;

/** Short, readable status lines for connection failures: the cause users can act on, not a stack trace. */
public final class ConnectionProblems {
    private ConnectionProblems() {}

    /** "cannot connect to JMS broker tcp://h:61616 (Connection refused); retrying every 5s". */
    public static String cannotConnect(String target, Throwable cause, Duration retryEvery) {
        String retry = retryEvery == null ? "" : "; retrying every " + human(retryEvery);
        return "cannot connect to " + target + " (" + Causes.rootMessage(cause) + ")" + retry;
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
