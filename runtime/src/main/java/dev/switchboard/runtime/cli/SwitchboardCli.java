package dev.switchboard.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code switchboard} — the headless runtime's command line. */
@Command(name = "switchboard",
        mixinStandardHelpOptions = true,
        version = "Switchboard 0.1.0",
        description = "Runs, checks and inspects Switchboard flows.",
        subcommands = {RunCommand.class, ValidateCommand.class, ConnectorsCommand.class, CommandLine.HelpCommand.class})
public final class SwitchboardCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new SwitchboardCli());
    }
}
