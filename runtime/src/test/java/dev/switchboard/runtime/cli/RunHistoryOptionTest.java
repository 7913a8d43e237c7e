package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.model.HistoryLevel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run --history LEVEL}: the runtime's history level for flows whose {@code settings.history}
 * does not say; {@code errors} by default, from the command line, {@code SWITCHBOARD_HISTORY} or
 * the config file's {@code history} key. Each run here finds no flow and ends before starting.
 */
class RunHistoryOptionTest {
    @TempDir
    Path dir;

    private String err;

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

    @Test
    void errorsByDefault() throws Exception {
        assertThat(run(Map.of(), 1).history).isEqualTo(HistoryLevel.ERRORS);
    }

    @Test
    void everyLevelFromTheCommandLine() throws Exception {
        for (HistoryLevel level : HistoryLevel.values()) {
            assertThat(run(Map.of(), 1, "--history", level.id()).history).isEqualTo(level);
        }
    }

    @Test
    void fromTheEnvironmentAndTheConfigFile() throws Exception {
        assertThat(run(Map.of("SWITCHBOARD_HISTORY", "summary"), 1).history).isEqualTo(HistoryLevel.SUMMARY);
        Path file = Files.writeString(dir.resolve("switchboard.properties"), "history=off\n");
        assertThat(run(Map.of(), 1, "--config", file.toString()).history).isEqualTo(HistoryLevel.OFF);
        assertThat(run(Map.of("SWITCHBOARD_HISTORY", "full"), 1, "--config", file.toString()).history)
                .as("the environment wins over the file")
                .isEqualTo(HistoryLevel.FULL);
    }

    @Test
    void anUnknownLevelIsAUsageErrorListingTheLevels() {
        CliRun.of("run", "some.flow.json", "--history", "verbose")
                .isUsageError(
                        "Invalid value for option '--history': 'verbose' is not a history level: use full, errors,"
                                + " summary, off",
                        "switchboard run");
    }
}
