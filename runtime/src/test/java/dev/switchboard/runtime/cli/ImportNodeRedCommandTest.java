package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard import nodered}: the real command line, files on disk, then {@code switchboard validate}. */
class ImportNodeRedCommandTest {
    /** The shop export's third tab uses steps added in parallel (throttle, delay, split, batch): left out here. */
    private static final String RATE_LIMITED_TAB = "b5d7f9a1c3e5a002";

    @TempDir
    Path dir;

    private Path shopExportWithoutTheRateLimitedTab() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/nodered/shop-flows.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String kept = text.lines().filter(l -> !l.contains(RATE_LIMITED_TAB)).collect(Collectors.joining("\n"));
        Path file = dir.resolve("flows.json");
        Files.writeString(file, kept.replaceAll(",\\s*\\]\\s*$", "\n]\n"));
        return file;
    }

    @Test
    void writesOneValidFlowFilePerTabAndReportsWhatItCouldNotConvert() throws Exception {
        Path export = shopExportWithoutTheRateLimitedTab();
        Path out = dir.resolve("imported");

        CliRun run = CliRun.of("import", "nodered", export.toString(), "--out", out.toString());

        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        assertThat(run.err()).isEmpty();
        Path orders = out.resolve("orders-api.flow.json");
        Path telemetry = out.resolve("telemetry.flow.json");
        assertThat(run.out())
                .startsWith("✓ " + orders + " (8 nodes, 7 wires)\n")
                .contains("  " + orders + ": /nodes/6/disabled: warning: Node 'enrich' (nodered.function) is disabled")
                .contains("✓ " + telemetry + " (10 nodes, 6 wires)\n")
                .contains(
                        "Not converted, kept as disabled placeholders:\n"
                                + "  orders-api/enrich: placeholder: function \"Enrich\" (8293a4b5c6d7e8f9): its JavaScript is not run")
                .contains("Left out:\n  orders-api: dropped: comment \"Orders arrive here\"")
                .contains("Converted with differences:\n")
                .endsWith("2 flow file(s) written to " + out + ": 3 placeholder(s), 2 node(s) left out\n");
        Flow written = FlowCodec.read(Files.readString(orders));
        assertThat(written.node("post-orders").orElseThrow().type()).isEqualTo("webhook");
        assertThat(Files.readString(telemetry)).doesNotContain("do-not-copy");

        CliRun validate = CliRun.of("validate", out.toString());
        assertThat(validate.exit()).as(validate.out()).isZero();
        assertThat(validate.out()).endsWith("2 flow file(s) valid\n");
    }

    @Test
    void existingFilesAreNotOverwrittenWithoutForce() throws Exception {
        Path export = shopExportWithoutTheRateLimitedTab();
        Path out = dir.resolve("imported");
        Files.createDirectories(out);
        Files.writeString(out.resolve("telemetry.flow.json"), "mine");

        CliRun.of("import", "nodered", export.toString(), "--out", out.toString())
                .isFailure(out.resolve("telemetry.flow.json")
                        + " exists already; nothing was written (--force overwrites)");
        assertThat(out.resolve("orders-api.flow.json")).doesNotExist();

        CliRun forced = CliRun.of("import", "nodered", export.toString(), "--out", out.toString(), "--force");
        assertThat(forced.exit()).isZero();
        assertThat(Files.readString(out.resolve("telemetry.flow.json"))).startsWith("{");
    }

    @Test
    void aWrittenFlowWithErrorsFailsTheImport() throws Exception {
        Path export = dir.resolve("flows.json");
        // two tabs serving the same webhook address: each file is fine alone, not together
        Files.writeString(export, """
                [{"id": "t1", "type": "tab", "label": "One"}, {"id": "t2", "type": "tab", "label": "Two"},
                 {"id": "a", "type": "http in", "z": "t1", "url": "/same", "method": "post", "x": 100, "y": 100, "wires": [["l1"]]},
                 {"id": "l1", "type": "debug", "z": "t1", "x": 300, "y": 100, "wires": []},
                 {"id": "b", "type": "http in", "z": "t2", "url": "/same", "method": "post", "x": 100, "y": 100, "wires": [["l2"]]},
                 {"id": "l2", "type": "debug", "z": "t2", "x": 300, "y": 100, "wires": []}]
                """);

        CliRun run = CliRun.of("import", "nodered", export.toString(), "--out", dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("✗ ").contains("1 flow file(s) with errors");
    }

    @Test
    void anUnreadableExportSaysWhereAndWritesNothing() throws Exception {
        Path export = dir.resolve("flows.json");
        Files.writeString(export, "[{\"id\": \"a\", \"type\": 3}]");

        CliRun.of(
                        "import",
                        "nodered",
                        export.toString(),
                        "--out",
                        dir.resolve("out").toString())
                .isFailure(export + ": /0/type: expected a non-empty text, found number")
                .hasNoStackTrace();
        CliRun.of("import", "nodered", dir.resolve("missing.json").toString())
                .isFailure("No such file: " + dir.resolve("missing.json"));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void importNeedsToBeToldWhatFrom() {
        CliRun.of("import").isUsageError("Missing required subcommand", "switchboard import");
        CliRun.of("import", "nodered").isUsageError("Missing required parameter: 'FILE'", "switchboard import nodered");
    }

    @Test
    void helpShowsUsageAndExitCodes() {
        CliRun run = CliRun.of("import", "nodered", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .startsWith("Usage: switchboard import nodered ")
                .contains("--out=DIR", "--force", "Exit codes:", "1   the export cannot be read");
    }
}
