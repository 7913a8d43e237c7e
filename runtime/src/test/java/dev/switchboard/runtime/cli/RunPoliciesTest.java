package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} reads policies.json before anything starts, and refuses to start on a bad one. */
// a regression here would start the runtime and wait for Ctrl-C: fail instead of hanging the build
@Timeout(120)
class RunPoliciesTest {
    @TempDir
    Path dir;

    @Test
    void anInvalidPoliciesFileBesideTheFlowsStopsRunWithEveryProblemAtItsPointer() throws IOException {
        Path flow = validFlow();
        Path policies = Files.writeString(dir.resolve("policies.json"), """
                {"format": "switchboard/policies@1",
                 "masking": [{"fields": ["card.number"], "method": "scramble"}],
                 "routing": [{"when": {"rules": [{"field": "data.region", "op": "equals", "value": "eu"}]},
                              "allow": {"hosts": ["*.eu.example.com"]}}]}
                """);
        Path data = dir.resolve("data");

        CliRun run = CliRun.of("run", "--port", "0", "--admin-port", "0", "--data", data.toString(), flow.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly(
                        policies + " is not a valid policies file:",
                        "  /masking/0/method: 'method' must be one of redact, hash, last4, not the text \"scramble\"");
        run.hasNoStackTrace();
        assertThat(data.resolve("switchboard.mv.db")).as("no store was opened").doesNotExist();
    }

    @Test
    void pathsAndRulesAreCheckedOnceTheSchemaPasses() throws IOException {
        Path flow = validFlow();
        Path policies = Files.writeString(dir.resolve("central.json"), """
                {"format": "switchboard/policies@1",
                 "masking": [{"fields": ["card.number"], "method": "redact"}],
                 "routing": [{"when": {"rules": [{"field": "data.region", "op": "equals", "value": "eu"}]},
                              "allow": {"hosts": ["*.eu.example.com"]}}]}
                """);

        CliRun run = CliRun.of(
                "run",
                "--port",
                "0",
                "--data",
                dir.resolve("data").toString(),
                "--policies",
                policies.toString(),
                flow.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("/masking/0/fields/0: 'card.number' must start with data")
                .contains("/routing/0/when/rules/0/op");
    }

    @Test
    void aPoliciesOptionNamingNoFileIsOneLine() throws IOException {
        Path flow = validFlow();
        Path missing = dir.resolve("nope.json");

        CliRun.of(
                        "run",
                        "--port",
                        "0",
                        "--data",
                        dir.resolve("data").toString(),
                        "--policies",
                        missing.toString(),
                        flow.toString())
                .isFailure("--policies " + missing + ": no such file")
                .hasNoStackTrace();
    }

    private Path validFlow() throws IOException {
        try (InputStream in = RunPoliciesTest.class.getResourceAsStream("/roundtrip/everything.flow.json")) {
            assertThat(in).isNotNull();
            Path flow = dir.resolve("everything.flow.json");
            Files.write(flow, in.readAllBytes());
            return flow;
        }
    }
}
