package dev.switchboard.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code switchboard} — the headless runtime's command line.
 *
 * <p>{@code scope = INHERIT} hands {@code -h/--help}, {@code -V/--version} and the exit-code
 * footer to every subcommand and sub-subcommand; a command that means something more specific by
 * exit code 1 overrides {@code exitCodeList}.
 */
@Command(
        name = "switchboard",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        version = "Switchboard 0.1.0",
        description = "Runs, checks and inspects Switchboard flows.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
        footer = {"", "Set " + CliErrors.DEBUG_VARIABLE + "=1 to see the stack trace behind an error."},
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            DeployCommand.class,
            RunsCommand.class,
            DeadLettersCommand.class,
            ConnectorsCommand.class,
            BrokerCommand.class,
            SecretsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SwitchboardCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@code main} runs it; stack traces only when {@code SWITCHBOARD_DEBUG} is set. */
    public static CommandLine commandLine() {
        return commandLine(CliErrors.debugRequested(System.getenv(CliErrors.DEBUG_VARIABLE)));
    }

    /** @param stackTraces print the stack trace behind an unexpected error (tests set this instead of the variable) */
    static CommandLine commandLine(boolean stackTraces) {
        CommandLine cli = new CommandLine(new SwitchboardCli());
        CliErrors errors = new CliErrors(stackTraces);
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        return cli;
    }
}
