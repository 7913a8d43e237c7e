package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.admin.AdminClient;
import dev.switchboard.runtime.contract.CompatibilityMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;

/** {@code switchboard schemas register SUBJECT FILE --to URL}: the registration done by a running runtime's admin API. */
final class RemoteRegistration {
    private RemoteRegistration() {}

    static int register(
            URI to, String token, String subject, String text, CompatibilityMode mode, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        if (mode != null) {
            // locally a refused schema leaves the mode as it was; over HTTP that would take two calls that
            // cannot be undone together, so the mode is set on its own
            throw new CommandFailure("--compatibility does not go with --to: set the mode first with"
                    + " PUT /api/schemas/" + subject + "/compatibility (docs/admin-api.md)");
        }
        String bearer = token != null ? token : System.getenv(DeployCommand.TOKEN_VARIABLE);
        if (bearer == null || bearer.isBlank()) {
            throw new CommandFailure("No admin token: give --token or set " + DeployCommand.TOKEN_VARIABLE
                    + " (the runtime prints it on its first start and keeps it in <data>/admin.token)");
        }
        AdminClient.SchemaAnswer registered;
        try {
            registered = new AdminClient(to, bearer).registerSchema(subject, text);
        } catch (IOException e) {
            throw new CommandFailure(
                    "Cannot reach the admin API at " + to + ": " + e.getMessage()
                            + " (is 'switchboard run' running there? see --to)",
                    e);
        }
        AdminClient.Answer answer = registered.answer();
        String reference = subject + "@" + registered.version();
        if (answer.status() == 201) {
            out.println("Registered " + reference + " (in the store of the runtime at " + to + ")");
        } else if (answer.ok()) {
            out.println(reference + " already is this schema; nothing registered");
        } else {
            err.println("error: " + answer.message() + " (HTTP " + answer.status() + ")"
                    + (answer.problems().isEmpty() ? "" : ":"));
            answer.problemLines().forEach(line -> err.println("  " + line));
        }
        out.flush();
        err.flush();
        return answer.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
