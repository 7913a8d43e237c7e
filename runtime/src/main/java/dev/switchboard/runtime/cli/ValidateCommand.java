package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.validate.FlowFileValidator;
import dev.switchboard.runtime.validate.FlowFileValidator.FileReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard validate <files or folders> [--json]}: checks flows without running them, for CI. */
@Command(
        name = "validate",
        description = {
            "Checks flow files: JSON syntax, the flow schema, connector configs, wires and secrets.",
            "Prints every problem as file: JSON-pointer: message. Exit code 0 when all files are valid, 1 otherwise."
        },
        exitCodeList = {ExitCodes.OK_LINE, "1:a flow file has problems, or no flow file was found", ExitCodes.USAGE_LINE
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Flow files (*.flow.json) or folders holding them.")
    List<Path> paths;

    @Option(names = "--json", description = "Print the findings as JSON (files, validity, problems with pointers).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<FileReport> reports = new FlowFileValidator(ConnectorCatalog.load()).validate(paths);
        boolean allValid = !reports.isEmpty() && reports.stream().allMatch(FileReport::isValid);
        if (reports.isEmpty()) {
            spec.commandLine().getErr().println("No flow files found in " + paths + " (flow files end in .flow.json)");
            spec.commandLine().getErr().flush();
        }
        if (json) {
            out.println(ValidationReportJson.write(reports, allValid));
        } else if (!reports.isEmpty()) {
            for (FileReport report : reports) {
                if (report.isValid()) {
                    out.println("✓ " + report.file());
                }
                report.result().problems().forEach(p -> out.println(report.describe(p)));
            }
            long invalid = reports.stream().filter(r -> !r.isValid()).count();
            out.println(
                    invalid == 0
                            ? reports.size() + " flow file(s) valid"
                            : invalid + " of " + reports.size() + " flow file(s) invalid");
        }
        out.flush();
        return allValid ? 0 : 1;
    }
}
