package dev.switchboard.runtime.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
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
        versionProvider = SwitchboardVersion.class,
        description = "Runs, checks and inspects Switchboard flows.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
        footer = {"", "Set " + CliErrors.DEBUG_VARIABLE + "=1 to see the stack trace behind an error."},
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            TestCommand.class,
            DeployCommand.class,
            ExportCommand.class,
            RunsCommand.class,
            DeadLettersCommand.class,
            ConnectorsCommand.class,
            BrokerCommand.class,
            SecretsCommand.class,
            ImportCommand.class,
            SchemasCommand.class,
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
        return commandLine(stackTraces, System.getenv());
    }

    /** @param environment where {@code SWITCHBOARD_*} option values come from (tests give their own) */
    static CommandLine commandLine(boolean stackTraces, Map<String, String> environment) {
        CommandLine cli = new CommandLine(new SwitchboardCli());
        CliErrors errors = new CliErrors(stackTraces);
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        CommandLine run = cli.getSubcommands().get("run");
        OptionDefaults defaults = new OptionDefaults(run.getCommandSpec(), environment);
        run.setDefaultValueProvider(defaults);
        cli.setExecutionStrategy(parsed -> {
            ParseResult sub = parsed.subcommand();
            if (sub != null && sub.commandSpec() == run.getCommandSpec() && !sub.isUsageHelpRequested()) {
                Path config = ((RunCommand) run.getCommand()).configFile;
                if (config != null) {
                    // defaults are applied before the arguments are read, so the file named by
                    // --config is loaded now and the command line read again on top of it
                    try {
                        defaults.load(config);
                    } catch (IllegalArgumentException e) {
                        throw new ParameterException(run, e.getMessage(), e);
                    }
                    parsed = cli.parseArgs(parsed.originalArgs().toArray(String[]::new));
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli;
    }
}
