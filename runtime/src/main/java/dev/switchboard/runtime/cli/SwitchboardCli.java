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
 *
 * <p>The subcommands are added in code rather than listed in the annotation, so that {@code run}
 * can be given a command line with only itself: picocli reads every command's annotations when the
 * command line is built, and a start should not pay for a dozen commands it does not use.
 */
@Command(
        name = "switchboard",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = SwitchboardVersion.class,
        description = "Runs, checks and inspects Switchboard flows.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
        footer = {"", "Set " + CliErrors.DEBUG_VARIABLE + "=1 to see the stack trace behind an error."})
public final class SwitchboardCli {

    public static void main(String[] args) {
        System.exit(
                commandLine(CliErrors.debugRequested(System.getenv(CliErrors.DEBUG_VARIABLE)), System.getenv(), args)
                        .execute(args));
    }

    /** The whole command line; stack traces only when {@code SWITCHBOARD_DEBUG} is set. */
    public static CommandLine commandLine() {
        return commandLine(CliErrors.debugRequested(System.getenv(CliErrors.DEBUG_VARIABLE)));
    }

    /** @param stackTraces print the stack trace behind an unexpected error (tests set this instead of the variable) */
    static CommandLine commandLine(boolean stackTraces) {
        return commandLine(stackTraces, System.getenv());
    }

    /** @param environment where {@code SWITCHBOARD_*} option values come from (tests give their own) */
    static CommandLine commandLine(boolean stackTraces, Map<String, String> environment) {
        return commandLine(stackTraces, environment, new String[0]);
    }

    /**
     * The command line that {@code main} executes {@code args} with: for {@code run ...} one that
     * knows only {@code run} (what it parses and prints is the same), else every command.
     */
    static CommandLine commandLine(boolean stackTraces, Map<String, String> environment, String[] args) {
        CommandLine cli = new CommandLine(new SwitchboardCli());
        if (args.length > 0 && args[0].equals("run")) {
            cli.addSubcommand(new RunCommand());
        } else {
            addEveryCommand(cli);
        }
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

    /** In the order the usage lists them. */
    private static void addEveryCommand(CommandLine cli) {
        cli.addSubcommand(new RunCommand());
        cli.addSubcommand(new ValidateCommand());
        cli.addSubcommand(new TestCommand());
        cli.addSubcommand(new DeployCommand());
        cli.addSubcommand(new ExportCommand());
        cli.addSubcommand(new RunsCommand());
        cli.addSubcommand(new DeadLettersCommand());
        cli.addSubcommand(new ConnectorsCommand());
        cli.addSubcommand(new BrokerCommand());
        cli.addSubcommand(new SecretsCommand());
        cli.addSubcommand(new ImportCommand());
        cli.addSubcommand(new SchemasCommand());
        cli.addSubcommand(new CommandLine.HelpCommand());
    }
}
