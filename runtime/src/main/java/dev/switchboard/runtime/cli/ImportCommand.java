package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.importer.nodered.ImportException;
import dev.switchboard.runtime.importer.nodered.ImportFinding;
import dev.switchboard.runtime.importer.nodered.ImportResult;
import dev.switchboard.runtime.importer.nodered.NodeRedExport;
import dev.switchboard.runtime.importer.nodered.NodeRedImporter;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.validate.FlowFileValidator;
import dev.switchboard.runtime.validate.FlowFileValidator.FileReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard import nodered flows.json [--out DIR]}: flows from another tool's export. */
@Command(
        name = "import",
        description = "Converts another tool's flows into Switchboard flow files.",
        subcommands = {ImportCommand.NodeRedCommand.class})
final class ImportCommand {

    @Command(
            name = "nodered",
            description = {
                "Converts a Node-RED flow export (flows.json) into one flow file per tab, then validates them.",
                "Nodes without a Switchboard counterpart are kept as disabled placeholders holding the original node;"
                        + " every placeholder, left-out node and difference is listed (docs/import-nodered.md)."
            },
            exitCodeList = {
                ExitCodes.OK_LINE,
                "1:the export cannot be read, a file exists already, or a written flow has errors",
                ExitCodes.USAGE_LINE
            })
    static final class NodeRedCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The Node-RED export: flows.json, or what Export copied.")
        Path file;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                defaultValue = ".",
                description = "Where to write the flow files (created if needed; default: the current folder).")
        Path out;

        @Option(names = "--force", description = "Overwrite flow files that exist already.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            ImportResult result = NodeRedImporter.convert(read());
            if (result.flows().isEmpty()) {
                throw new CommandFailure(file + " has no nodes on a tab to import");
            }
            List<Path> files = new ArrayList<>();
            for (Flow flow : result.flows()) {
                Path target = out.resolve(flow.id() + FlowFormat.FILE_SUFFIX);
                if (!force && Files.exists(target)) {
                    throw new CommandFailure(target + " exists already; nothing was written (--force overwrites)");
                }
                files.add(target);
            }
            Files.createDirectories(out);
            for (int i = 0; i < files.size(); i++) {
                Files.writeString(files.get(i), FlowCodec.write(result.flows().get(i)), StandardCharsets.UTF_8);
            }
            List<FileReport> reports = new FlowFileValidator(ConnectorCatalog.load()).validate(files);
            print(result, reports);
            return reports.stream().allMatch(FileReport::isValid) ? ExitCodes.OK : ExitCodes.FAILURE;
        }

        private NodeRedExport read() throws IOException {
            String text;
            try {
                text = FlowCodec.readFile(file);
            } catch (NoSuchFileException e) {
                throw new CommandFailure("No such file: " + file, e);
            } catch (MalformedFlowException e) {
                throw new CommandFailure(
                        file + ": " + (e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "")
                                + e.getMessage(),
                        e);
            }
            try {
                return NodeRedExport.parse(text);
            } catch (ImportException e) {
                throw new CommandFailure(file + ": " + e.getMessage(), e);
            }
        }

        private void print(ImportResult result, List<FileReport> reports) {
            PrintWriter w = spec.commandLine().getOut();
            for (int i = 0; i < reports.size(); i++) {
                FileReport report = reports.get(i);
                Flow flow = result.flows().get(i);
                w.println((report.isValid() ? "✓ " : "✗ ") + report.file() + " ("
                        + flow.nodes().size() + " nodes, " + flow.wires().size() + " wires)");
                report.result().problems().forEach(p -> w.println("  " + report.describe(p)));
            }
            section(
                    w,
                    "Not converted, kept as disabled placeholders:",
                    result.findings(ImportFinding.Kind.PLACEHOLDER));
            section(w, "Left out:", result.findings(ImportFinding.Kind.DROPPED));
            section(w, "Converted with differences:", result.findings(ImportFinding.Kind.NOTE));
            long invalid = reports.stream().filter(r -> !r.isValid()).count();
            w.println(result.flows().size() + " flow file(s) written to " + out + ": "
                    + result.findings(ImportFinding.Kind.PLACEHOLDER).size() + " placeholder(s), "
                    + result.findings(ImportFinding.Kind.DROPPED).size() + " node(s) left out"
                    + (invalid == 0 ? "" : "; " + invalid + " flow file(s) with errors"));
            w.flush();
        }

        private static void section(PrintWriter w, String heading, List<ImportFinding> findings) {
            if (!findings.isEmpty()) {
                w.println(heading);
                findings.forEach(f -> w.println("  " + f.describe()));
            }
        }
    }
}
