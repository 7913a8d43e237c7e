package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What the CLI prints when a command throws something nobody planned for. */
class CliErrorsTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new CompletionException(new IllegalStateException("port p must be < 65535"));
        }
    }

    @Test
    void anUnexpectedExceptionIsOneLineWithTheWayToSeeMore() {
        StringWriter err = new StringWriter();

        int exit = run(false, err);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines())
                .containsExactly("error: port p must be < 65535 (set SWITCHBOARD_DEBUG=1 for the stack trace)");
    }

    @Test
    void debugAddsTheStackTrace() {
        StringWriter err = new StringWriter();

        int exit = run(true, err);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines().findFirst()).hasValue("error: port p must be < 65535");
        assertThat(err.toString())
                .contains(
                        "java.util.concurrent.CompletionException",
                        "\tat ",
                        "Caused by: java.lang.IllegalStateException");
    }

    @Test
    void debugVariableIsOnForAnythingButEmptyZeroOrFalse() {
        assertThat(CliErrors.debugRequested("1")).isTrue();
        assertThat(CliErrors.debugRequested("true")).isTrue();
        assertThat(CliErrors.debugRequested(null)).isFalse();
        assertThat(CliErrors.debugRequested("")).isFalse();
        assertThat(CliErrors.debugRequested("0")).isFalse();
        assertThat(CliErrors.debugRequested("FALSE")).isFalse();
    }

    private static int run(boolean stackTraces, StringWriter err) {
        CommandLine cli = new CommandLine(new Boom());
        CliErrors errors = new CliErrors(stackTraces);
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setErr(new PrintWriter(err, true));
        return cli.execute();
    }
}
