package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard run}: mistakes in the files it is given fail in one line, exit 1, before
 * anything starts. (Start-up and shutdown are tested with the engine.)
 */
// a regression here would start the runtime and wait for Ctrl-C: fail instead of hanging the build
@Timeout(120)
class RunCommandPreflightTest {
    @TempDir
    Path dir;

    @Test
    void missingSecretsFileIsOneLine() throws IOException {
        Path flow = validFlow();
        Path secrets = dir.resolve("missing.env");
        Path data = dir.resolve("data");

        CliRun.of("run", "--port", "0", "--data", data.toString(), "--secrets", secrets.toString(), flow.toString())
                .isFailure("--secrets " + secrets + ": no such file (expected NAME=value lines)")
                .hasNoStackTrace();
        assertThat(data).as("nothing started").doesNotExist();
    }

    @Test
    void secretsThatIsAFolderIsOneLine() throws IOException {
        Path flow = validFlow();
        Path folder = Files.createDirectories(dir.resolve("secrets"));

        CliRun.of(
                        "run",
                        "--port",
                        "0",
                        "--data",
                        dir.resolve("data").toString(),
                        "--secrets",
                        folder.toString(),
                        flow.toString())
                .isFailure("--secrets " + folder + " is not a file (expected NAME=value lines)")
                .hasNoStackTrace();
    }

    @Test
    void clusterModeNeedsKafkaAndPostgreSqlAndKafkaNeedsClusterMode() throws IOException {
        Path flow = validFlow();
        Path data = dir.resolve("data");
        String postgres = "jdbc:postgresql://127.0.0.1:1/switchboard?user=switchboard";

        CliRun.of("run", "--port", "0", "--data", data.toString(), "--cluster", "--db", postgres, flow.toString())
                .isFailure("--cluster needs --kafka BOOTSTRAP (the Kafka servers of the event log)")
                .hasNoStackTrace();
        CliRun.of(
                        "run",
                        "--port",
                        "0",
                        "--data",
                        data.toString(),
                        "--cluster",
                        "--kafka",
                        "127.0.0.1:1",
                        flow.toString())
                .isFailure("--cluster needs the shared store on PostgreSQL: --db jdbc:postgresql://HOST/DB")
                .hasNoStackTrace();
        CliRun.of("run", "--port", "0", "--data", data.toString(), "--kafka", "127.0.0.1:1", flow.toString())
                .isFailure("--kafka is the event log of a cluster: give --cluster as well")
                .hasNoStackTrace();
        assertThat(data).as("nothing started").doesNotExist();
    }

    @Test
    void dataNamingAFileIsOneLine() throws IOException {
        Path flow = validFlow();
        Path file = Files.writeString(dir.resolve("README.md"), "# not a folder");

        CliRun.of("run", "--port", "0", "--data", file.toString(), flow.toString())
                .isFailure("--data " + file + " is a file, not a folder: give the folder for the runtime's state")
                .hasNoStackTrace();
    }

    /** A flow that loads and validates, so only the option under test can stop the run. */
    private Path validFlow() throws IOException {
        try (InputStream in = RunCommandPreflightTest.class.getResourceAsStream("/roundtrip/everything.flow.json")) {
            assertThat(in).isNotNull();
            Path flow = dir.resolve("everything.flow.json");
            Files.write(flow, in.readAllBytes());
            return flow;
        }
    }
}
