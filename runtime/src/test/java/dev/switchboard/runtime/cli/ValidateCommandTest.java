package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void validFileIsTickedAndExitsZero() throws IOException {
        Path file = copy("/roundtrip/everything.flow.json", "everything.flow.json");

        int exit = run("validate", file.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("✓ " + file).contains("1 flow file(s) valid");
    }

    @Test
    void folderWithABrokenFileListsEveryProblemAsFilePointerMessageAndExitsOne() throws IOException {
        copy("/roundtrip/everything.flow.json", "a-good.flow.json");
        Path bad = copy("/validate/many-problems.flow.json", "b-bad.flow.json");

        int exit = run("validate", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("✓ " + dir.resolve("a-good.flow.json"))
                .contains(bad + ": /owner: Unknown property 'owner' in the flow.")
                .contains(bad + ": /nodes/3/type: Unknown node type 'test.captur'. Did you mean 'test.capture'?")
                .contains(bad + ": /nodes/1: warning: Trigger 'spare' is not wired to anything")
                .contains("1 of 2 flow file(s) invalid");
        assertThat(out.toString().lines().filter(l -> l.startsWith(bad.toString())))
                .hasSize(13);
    }

    @Test
    void malformedFileShowsLineAndColumn() throws IOException {
        Path bad = copy("/broken/malformed-json.flow.json", "malformed.flow.json");

        int exit = run("validate", bad.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains(bad + ": line 6, column 5: Not valid JSON");
    }

    @Test
    void jsonOutputCarriesPointersAndSeverities() throws IOException {
        Path bad = copy("/broken/wire-into-trigger.flow.json", "wire.flow.json");

        int exit = run("validate", "--json", bad.toString());

        assertThat(exit).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("valid").booleanValue()).isFalse();
        JsonNode file = report.path("files").path(0);
        assertThat(file.path("file").asText()).isEqualTo(bad.toString());
        assertThat(file.path("valid").booleanValue()).isFalse();
        JsonNode problem = file.path("problems").path(0);
        assertThat(problem.path("severity").asText()).isEqualTo("error");
        assertThat(problem.path("pointer").asText()).isEqualTo("/wires/2/to");
        assertThat(problem.path("nodeId").asText()).isEqualTo("in");
        assertThat(problem.path("message").asText()).contains("trigger");
    }

    @Test
    void sameFlowIdInTwoFilesIsAnError() throws IOException {
        Path first = copy("/roundtrip/everything.flow.json", "one.flow.json");
        Path second = copy("/roundtrip/everything.flow.json", "two.flow.json");

        int exit = run("validate", first.toString(), second.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains(second + ": /id: Flow id 'kitchen-sink' is already used by " + first);
    }

    @Test
    void warningsAloneKeepAFileValid() throws IOException {
        Path file = copy("/broken/trigger-not-wired.flow.json", "spare.flow.json");

        int exit = run("validate", file.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("✓ " + file).contains(file + ": /nodes/3: warning: Trigger 'spare'");
    }

    @Test
    void missingFileIsReported() {
        Path missing = dir.resolve("nope.flow.json");

        int exit = run("validate", missing.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains(missing + ": /: No such file");
    }

    @Test
    void emptyFolderIsAnError() {
        int exit = run("validate", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("No flow files found");
    }

    @Test
    void runRefusesInvalidFlowsListingEveryProblem() throws IOException {
        Path bad = copy("/validate/many-problems.flow.json", "bad.flow.json");

        int exit = run("run", "--port", "0", "--data", dir.resolve("data").toString(), bad.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines().filter(l -> l.startsWith(bad + ": /")))
                .hasSize(13);
        assertThat(out.toString()).doesNotContain("Switchboard is running");
    }

    private int run(String... args) {
        CommandLine cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path copy(String resource, String name) throws IOException {
        try (InputStream in = ValidateCommandTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Path target = dir.resolve(name);
            Files.writeString(target, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return target;
        }
    }
}
