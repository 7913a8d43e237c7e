package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writesTheYamlToTheFileAndTheReportToStandardOutput() throws IOException {
        Path flow = flowFile("{{secret:CRM_TOKEN}}");
        Path yaml = dir.resolve("hooks.camel.yaml");

        int exit = run("export", "--format", "camel-yaml", flow.toString(), "-o", yaml.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(yaml))
                .startsWith("# Camel YAML DSL exported by `switchboard export` from flow 'hooks'")
                .contains("uri: platform-http:/hooks/in")
                .contains("Bearer {{CRM_TOKEN}}");
        assertThat(out.toString())
                .startsWith("Wrote " + yaml)
                .contains("thing(s) not exported or only approximated:")
                .contains("  - flow: durable inbox — events live in memory only")
                .contains("  - node crm: retries — not exported");
    }

    @Test
    void withoutAnOutputFileTheYamlGoesToStandardOutputAndTheReportToStandardError() throws IOException {
        int exit = run(
                "export",
                "--format",
                "camel-yaml",
                flowFile("{{secret:CRM_TOKEN}}").toString());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .startsWith("# Camel YAML DSL")
                .contains("- route:")
                .doesNotContain("thing(s) not");
        assertThat(err.toString()).contains("thing(s) not exported or only approximated:");
    }

    @Test
    void anUnknownFormatIsAUsageError() throws IOException {
        int exit = run(
                "export",
                "--format",
                "kamelet",
                flowFile("{{secret:CRM_TOKEN}}").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'kamelet' is not a format this version writes; expected camel-yaml");
    }

    @Test
    void aFlowWithProblemsIsNotExported() throws IOException {
        Path flow = flowFile("not a reference {{secret:}}");
        Path yaml = dir.resolve("never.yaml");

        int exit = run("export", "--format", "camel-yaml", flow.toString(), "-o", yaml.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains(flow + ": /nodes/1/config/token")
                .contains("has problems; fix them before exporting");
        assertThat(yaml).doesNotExist();
    }

    @Test
    void aMissingFlowFileSaysSo() {
        int exit = run(
                "export",
                "--format",
                "camel-yaml",
                dir.resolve("nope.flow.json").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("No flow file at " + dir.resolve("nope.flow.json"));
    }

    private Path flowFile(String token) throws IOException {
        Flow flow = Flow.empty("hooks", "Hooks")
                .withNodes(List.of(
                        new Node("in", "webhook", null, ConfigValue.object("path", "/hooks/in"), null),
                        new Node(
                                "crm",
                                "http.request",
                                null,
                                ConfigValue.object(
                                        "url",
                                        "http://127.0.0.1:9/leads",
                                        "auth",
                                        "bearer",
                                        "token",
                                        token,
                                        "retries",
                                        2),
                                null)))
                .withWires(List.of(Wire.of("in", "crm")));
        return Files.writeString(dir.resolve("hooks.flow.json"), FlowCodec.write(flow));
    }

    private int run(String... args) {
        CommandLine cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
