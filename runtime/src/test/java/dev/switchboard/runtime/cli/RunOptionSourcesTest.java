package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.model.HistoryLevel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where {@code run}'s options come from: the command line, then {@code SWITCHBOARD_*} variables,
 * then the {@code --config} file, then the defaults. Each run here finds no flow and ends before
 * starting anything; the test reads the values the command was given.
 */
class RunOptionSourcesTest {
    @TempDir
    Path dir;

    private String err;

    /** Executes {@code run <empty folder> args…} with {@code environment}; returns the command as parsed. */
    private RunCommand run(Map<String, String> environment, int expectedExit, String... args) throws Exception {
        Path flows = Files.createDirectories(dir.resolve("flows"));
        CommandLine cli = SwitchboardCli.commandLine(false, environment);
        StringWriter errors = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(errors, true));
        String[] all = new String[args.length + 2];
        all[0] = "run";
        all[1] = flows.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = cli.execute(all);
        err = errors.toString();
        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(expectedExit);
        return cli.getSubcommands().get("run").getCommand();
    }

    private Path config(String text) throws Exception {
        return Files.writeString(dir.resolve("switchboard.properties"), text);
    }

    @Test
    void defaultsWhenNothingIsGiven() throws Exception {
        RunCommand run = run(Map.of(), 1);
        assertThat(run.port).isEqualTo(8787);
        assertThat(run.drainTimeout).isEqualTo(Duration.ofSeconds(10));
        assertThat(run.eventLog).isEqualTo(RunCommand.OnOff.on);
        assertThat(run.logFormat).isEqualTo(LogSetup.Format.text);
        assertThat(run.broker).isFalse();
    }

    @Test
    void fromTheEnvironment() throws Exception {
        Path data = dir.resolve("env-data");
        RunCommand run = run(
                Map.of(
                        "SWITCHBOARD_PORT", "9001",
                        "SWITCHBOARD_DRAIN_TIMEOUT", "3s",
                        "SWITCHBOARD_DATA", data.toString(),
                        "SWITCHBOARD_EVENT_LOG", "off",
                        "SWITCHBOARD_BROKER", "true"),
                1);
        assertThat(run.port).isEqualTo(9001);
        assertThat(run.drainTimeout).isEqualTo(Duration.ofSeconds(3));
        assertThat(run.store.dataDir).isEqualTo(data);
        assertThat(run.eventLog).isEqualTo(RunCommand.OnOff.off);
        assertThat(run.broker).isTrue();
    }

    @Test
    void fromTheConfigFile() throws Exception {
        Path file = config("""
                # a comment
                port = 9002
                keep-runs=5
                snapshot-size=100
                event-log=off
                """);
        RunCommand run = run(Map.of(), 1, "--config", file.toString());
        assertThat(run.port).isEqualTo(9002);
        assertThat(run.keepRuns).isEqualTo(5);
        assertThat(run.snapshotSize).isEqualTo(100);
        assertThat(run.eventLog).isEqualTo(RunCommand.OnOff.off);
        assertThat(run.drainTimeout).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theConfigFileMayBeNamedByTheEnvironment() throws Exception {
        Path file = config("port=9003\n");
        RunCommand run = run(Map.of("SWITCHBOARD_CONFIG", file.toString()), 1);
        assertThat(run.port).isEqualTo(9003);
    }

    @Test
    void commandLineBeatsEnvironmentBeatsConfigFileBeatsDefault() throws Exception {
        Path file = config("port=1001\nsnapshot-size=10\nkeep-runs=7\n");
        RunCommand run = run(
                Map.of("SWITCHBOARD_PORT", "2002", "SWITCHBOARD_SNAPSHOT_SIZE", "20"),
                1,
                "--config",
                file.toString(),
                "--port",
                "3003");
        assertThat(run.port).as("command line").isEqualTo(3003);
        assertThat(run.snapshotSize).as("environment").isEqualTo(20);
        assertThat(run.keepRuns).as("config file").isEqualTo(7);
        assertThat(run.keepRunsFor).as("default").isEqualTo(Duration.ofDays(7));
    }

    @Test
    void anUnknownKeyInTheConfigFileIsAUsageErrorNamingIt() throws Exception {
        Path file = config("port=9004\nprot=9005\n");
        run(Map.of(), 2, "--config", file.toString());
        assertThat(err).startsWith("error: Unknown key 'prot' in the config file " + file);
        assertThat(err).contains("See 'switchboard run --help'.");
    }

    @Test
    void theConfigFileCannotNameAnotherConfigFile() throws Exception {
        Path file = config("config=other.properties\n");
        run(Map.of(), 2, "--config", file.toString());
        assertThat(err).startsWith("error: Unknown key 'config'");
    }

    @Test
    void aMissingConfigFileIsAUsageError() throws Exception {
        run(Map.of(), 2, "--config", dir.resolve("nowhere.properties").toString());
        assertThat(err).startsWith("error: The config file " + dir.resolve("nowhere.properties") + " does not exist");
    }

    @Test
    void aBadValueFromTheEnvironmentIsAUsageError() throws Exception {
        run(Map.of("SWITCHBOARD_PORT", "99999"), 2);
        assertThat(err).contains("--port").contains("99999");
    }

    @Test
    void everyRunOptionHasAnEnvironmentVariableAndAConfigKey() {
        CommandLine cli = SwitchboardCli.commandLine(false, Map.of());
        var spec = cli.getSubcommands().get("run").getCommandSpec();
        OptionDefaults defaults = (OptionDefaults) spec.defaultValueProvider();
        Set<String> options = spec.options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp())
                .map(OptionSpec::longestName)
                .collect(Collectors.toSet());
        assertThat(options).contains("--port", "--data", "--db", "--drain-timeout", "--log-format", "--config");
        options.remove("--config");
        assertThat(defaults.keys())
                .isEqualTo(options.stream().map(o -> o.substring(2)).collect(Collectors.toSet()));
        assertThat(OptionDefaults.environmentName(spec.findOption("--keep-runs-for")))
                .isEqualTo("SWITCHBOARD_KEEP_RUNS_FOR");
    }

    // --history: the level of flows whose settings.history does not say

    @Test
    void historyIsErrorsByDefault() throws Exception {
        assertThat(run(Map.of(), 1).history).isEqualTo(HistoryLevel.ERRORS);
    }

    @Test
    void everyHistoryLevelFromTheCommandLine() throws Exception {
        for (HistoryLevel level : HistoryLevel.values()) {
            assertThat(run(Map.of(), 1, "--history", level.id()).history).isEqualTo(level);
        }
    }

    @Test
    void historyFromTheEnvironmentAndTheConfigFile() throws Exception {
        assertThat(run(Map.of("SWITCHBOARD_HISTORY", "summary"), 1).history).isEqualTo(HistoryLevel.SUMMARY);
        Path file = Files.writeString(dir.resolve("switchboard.properties"), "history=off\n");
        assertThat(run(Map.of(), 1, "--config", file.toString()).history).isEqualTo(HistoryLevel.OFF);
        assertThat(run(Map.of("SWITCHBOARD_HISTORY", "full"), 1, "--config", file.toString()).history)
                .as("the environment wins over the file")
                .isEqualTo(HistoryLevel.FULL);
    }

    @Test
    void anUnknownHistoryLevelIsAUsageErrorListingTheLevels() {
        CliRun.of("run", "some.flow.json", "--history", "verbose")
                .isUsageError(
                        "Invalid value for option '--history': 'verbose' is not a history level: use full, errors,"
                                + " summary, off",
                        "switchboard run");
    }
}
