package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A wrong command line: exit 2, one line saying what is wrong, one saying where the usage is, no
 * stack trace, and nothing started. None of these needs a store or a flow file.
 */
class CliUsageErrorsTest {

    @Test
    void limitMustBePositive() {
        CliRun.of("runs", "--limit", "-5")
                .isUsageError(
                        "Invalid value for option '--limit': -5 is not a positive number: use 1 or more",
                        "switchboard runs")
                .hasNoStackTrace();
        CliRun.of("runs", "--limit", "0")
                .isUsageError(
                        "Invalid value for option '--limit': 0 is not a positive number: use 1 or more",
                        "switchboard runs");
        CliRun.of("dead-letters", "list", "--limit", "-5")
                .isUsageError(
                        "Invalid value for option '--limit': -5 is not a positive number: use 1 or more",
                        "switchboard dead-letters list");
    }

    @Test
    void unknownStatusListsTheValidOnes() {
        CliRun.of("runs", "--status", "bogus")
                .isUsageError(
                        "Invalid value for option '--status': 'bogus' is not a run status: use one of success, filtered, failed,"
                                + " dead-lettered, retrying",
                        "switchboard runs")
                .hasNoStackTrace();
    }

    @Test
    void portOutOfRangeIsRefusedBeforeAnythingStarts() {
        CliRun.of("run", "some.flow.json", "--port", "99999")
                .isUsageError(
                        "Invalid value for option '--port': 99999 is not a port: use 1 to 65535, or 0 for a free one",
                        "switchboard run")
                .hasNoStackTrace();
        CliRun.of("run", "some.flow.json", "--port", "-1")
                .isUsageError(
                        "Invalid value for option '--port': -1 is not a port: use 1 to 65535, or 0 for a free one",
                        "switchboard run");
        CliRun.of("broker", "--jms-port", "0")
                .isUsageError(
                        "Invalid value for option '--jms-port': 0 is not a port: use 1 to 65535", "switchboard broker");
    }

    @Test
    void portZeroStillMeansAFreePort() {
        var parsed = SwitchboardCli.commandLine(false).parseArgs("run", "some.flow.json", "--port", "0");

        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(run.port).isZero();
    }

    @Test
    void badOrNegativeDurationsAreUsageErrors() {
        CliRun.of("run", "some.flow.json", "--drain-timeout", "soon")
                .isUsageError(
                        "Invalid value for option '--drain-timeout': 'soon' is not a duration: use e.g. 250ms, 5s, 2m, 1h or PT5S",
                        "switchboard run")
                .hasNoStackTrace();
        CliRun.of("run", "some.flow.json", "--keep-runs-for", "PT-5S")
                .isUsageError(
                        "Invalid value for option '--keep-runs-for': 'PT-5S' is negative: use e.g. 250ms, 5s, 2m, 1h or PT5S",
                        "switchboard run");
    }

    @Test
    void countsForRunHistoryMustBePositive() {
        CliRun.of("run", "some.flow.json", "--keep-runs", "-1")
                .isUsageError(
                        "Invalid value for option '--keep-runs': -1 is not a positive number: use 1 or more",
                        "switchboard run");
        CliRun.of("run", "some.flow.json", "--snapshot-size", "0")
                .isUsageError(
                        "Invalid value for option '--snapshot-size': 0 is not a positive number: use 1 or more",
                        "switchboard run");
    }

    @Test
    void badInstantNamesTheExpectedForm() {
        CliRun.of("dead-letters", "list", "--since", "yesterday")
                .isUsageError(
                        "Invalid value for option '--since': 'yesterday' is not an ISO-8601 instant such as 2026-11-28T10:00:00Z",
                        "switchboard dead-letters list")
                .hasNoStackTrace();
    }

    @Test
    void unknownOptionIsAUsageErrorWithoutTheWholeUsage() {
        CliRun.of("runs", "--bogus").isUsageError("Unknown option: '--bogus'", "switchboard runs");
        CliRun.of("runs", "show", "--bogus", "x").isUsageError("Unknown option: '--bogus'", "switchboard runs show");
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        CliRun run = CliRun.of("runs", "--limt", "5");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo("error: Unknown options: '--limt', '5'");
        assertThat(run.err()).contains("--limit").contains("See 'switchboard runs --help'.");
    }

    @Test
    void aCommandThatNeedsASubcommandSaysSo() {
        CliRun.of().isUsageError("Missing required subcommand", "switchboard");
        CliRun.of("dead-letters").isUsageError("Missing required subcommand", "switchboard dead-letters");
    }

    @Test
    void replayWithoutIdFilterOrAllIsAUsageError() {
        CliRun.of("dead-letters", "replay")
                .isUsageError(
                        "Give an ID, a filter (--flow, --node, --since, --until, --error) or --all",
                        "switchboard dead-letters replay");
    }
}
