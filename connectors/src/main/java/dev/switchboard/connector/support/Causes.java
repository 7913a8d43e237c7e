package dev.switchboard.connector.support;

/** Reading cause chains: the one place that decides which message of a chain a user sees. */
public final class Causes {
    private Causes() {}

    /**
     * The innermost message of a cause chain: "Connection refused" rather than a wrapper's text.
     * Blank messages are skipped, and a chain that loops or runs very deep is cut off.
     */
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
}
