package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.export.CamelExport;
import dev.switchboard.runtime.export.CamelYamlExport;
import dev.switchboard.runtime.export.ExportNote;
import dev.switchboard.runtime.validate.FlowFileValidator;
import dev.switchboard.runtime.validate.FlowFileValidator.FileReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard export --format camel-yaml <flow> [-o FILE]}: the flow as Camel YAML DSL for
 * stock Apache Camel, with a report of what could not be expressed (docs/export-camel.md).
 */
@Command(
        name = "export",
        description = {
            "Writes a flow in another engine's format: camel-yaml is Camel YAML DSL that stock Apache Camel 4.18 runs.",
            "What the format cannot express is reported (on stderr, or stdout with -o) and listed at the top of the"
                    + " file. Secrets stay references: {{secret:X}} becomes the Camel property placeholder {{X}}."
        },
        exitCodeList = {ExitCodes.OK_LINE, "1:the flow file is missing or has problems", ExitCodes.USAGE_LINE})
final class ExportCommand implements Callable<Integer> {
    enum Format {
        camel_yaml;

        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--format",
            required = true,
            converter = FormatConverter.class,
            description = "The format to write: ${COMPLETION-CANDIDATES}.",
            completionCandidates = FormatCandidates.class)
    Format format;

    @Parameters(index = "0", paramLabel = "FLOW", description = "The flow file (*.flow.json) to export.")
    Path flowFile;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the export to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(flowFile)) {
            throw new CommandFailure("No flow file at " + flowFile);
        }
        List<FileReport> reports = new FlowFileValidator(ConnectorCatalog.load()).validate(List.of(flowFile));
        FileReport report = reports.get(0);
        if (!report.isValid()) {
            PrintWriter err = spec.commandLine().getErr();
            report.errors().forEach(p -> err.println(report.describe(p)));
            err.flush();
            throw new CommandFailure(flowFile + " has problems; fix them before exporting");
        }
        CamelExport export = new CamelYamlExport(ConnectorCatalog.load())
                .export(report.result().flow());
        PrintWriter reportOut;
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(export.yaml());
            out.flush();
            reportOut = spec.commandLine().getErr();
        } else {
            Files.writeString(output, export.yaml(), StandardCharsets.UTF_8);
            reportOut = spec.commandLine().getOut();
            reportOut.println("Wrote " + output);
        }
        reportOut.println(export.notes().size() + " thing(s) not exported or only approximated:");
        for (ExportNote note : export.notes()) {
            reportOut.println("  - " + note.describe());
        }
        reportOut.flush();
        return ExitCodes.OK;
    }

    static final class FormatCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("camel-yaml").iterator();
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            if (value.equals("camel-yaml")) {
                return Format.camel_yaml;
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a format this version writes; expected camel-yaml");
        }
    }
}
