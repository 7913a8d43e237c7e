package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of the real command line with its output captured, and the checks every error test shares. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // as main builds it: for run, a command line with only run
        var cli = SwitchboardCli.commandLine(false, System.getenv(), args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** A usage error: exit 2, exactly {@code message} then where to read the usage; nothing on stdout. */
    CliRun isUsageError(String message, String command) {
        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(errLines()).containsExactly("error: " + message, "See '" + command + " --help'.");
        assertThat(out).isEmpty();
        return this;
    }

    /** A failure: exit 1, exactly one line {@code error: message}; nothing on stdout. */
    CliRun isFailure(String message) {
        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(1);
        assertThat(errLines()).containsExactly("error: " + message);
        assertThat(out).isEmpty();
        return this;
    }

    CliRun hasNoStackTrace() {
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(out).doesNotContain("\tat ").doesNotContain("Exception");
        return this;
    }
}
