package dev.switchboard.designer.model;

/** A ready-to-paste curl command that sends a sample event to a running webhook. */
public final class CurlCommand {
    private CurlCommand() {}

    /**
     * @param method the webhook's method ({@code GET} sends no body)
     * @param sampleJson the body; blank sends {@code {}}
     */
    public static String of(String url, String method, String sampleJson) {
        String m = method == null || method.isBlank() ? "POST" : method;
        if (m.equals("GET")) {
            return "curl " + quote(url);
        }
        String body = sampleJson == null || sampleJson.isBlank() ? "{}" : sampleJson.strip();
        return "curl -X " + m + " " + quote(url) + " -H 'Content-Type: application/json' -d " + quote(body);
    }

    /** Single quotes for a POSIX shell: nothing inside is expanded; a quote itself is closed, escaped, reopened. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
