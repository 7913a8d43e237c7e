package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command and subcommand answers -h/--help with its usage, the exit codes, and exit 0. */
class CliHelpTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "run",
                "validate",
                "runs",
                "runs show",
                "dead-letters",
                "dead-letters list",
                "dead-letters show",
                "dead-letters replay",
                "connectors",
                "broker",
                "import nodered"
            })
    void helpOnEveryCommandPrintsUsageAndExitCodes(String command) {
        for (String flag : new String[] {"--help", "-h"}) {
            String[] args = (command + " " + flag).split(" ");

            CliRun run = CliRun.of(args);

            assertThat(run.exit()).as("%s %s: %s", command, flag, run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out())
                    .startsWith("Usage: switchboard " + command + " ")
                    .contains("Exit codes:", "  0   ok", "  2   usage error")
                    .contains("-h, --help");
        }
    }

    @Test
    void runGetsTheSameUsageFromACommandLineWithOnlyRunAsFromTheWholeOne() {
        StringWriter whole = new StringWriter();
        SwitchboardCli.commandLine(false).getSubcommands().get("run").usage(new PrintWriter(whole, true));

        CliRun runOnly = CliRun.of("run", "--help");

        assertThat(runOnly.out()).isEqualTo(whole.toString());
        assertThat(SwitchboardCli.commandLine(false, Map.of(), new String[] {"run"})
                        .getSubcommands())
                .containsOnlyKeys("run");
    }

    @Test
    void helpSubcommandStillShowsACommandsUsage() {
        CliRun run = CliRun.of("help", "runs");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: switchboard runs ");
    }

    @Test
    void runsHelpListsTheStatusesTheStoreKnows() {
        assertThat(CliRun.of("runs", "--help").out().replaceAll("\\s+", " "))
                .contains("success, filtered, failed, dead-lettered");
    }

    @Test
    void exitCodeOneSaysWhatItMeansWhereThatIsSpecific() {
        assertThat(CliRun.of("validate", "--help").out()).contains("1   a flow file has problems");
        assertThat(CliRun.of("runs", "show", "--help").out()).contains("1   failure, or no run of that id");
    }

    @Test
    void versionWorksOnTheTopCommandAndOnSubcommands() {
        assertThat(CliRun.of("--version").out())
                .isEqualTo("Switchboard " + SwitchboardVersion.get() + System.lineSeparator());
        CliRun sub = CliRun.of("runs", "--version");
        assertThat(sub.exit()).isZero();
        assertThat(sub.out()).isEqualTo("Switchboard " + SwitchboardVersion.get() + System.lineSeparator());
    }
}
