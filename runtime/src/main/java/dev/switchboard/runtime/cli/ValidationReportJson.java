package dev.switchboard.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.runtime.report.ReportJson;
import dev.switchboard.runtime.validate.FlowFileValidator.FileReport;
import dev.switchboard.runtime.validate.Problem;
import java.util.List;
import java.util.Locale;

/** The {@code validate --json} output: {"valid": …, "files": [{"file", "valid", "problems": [...]}]}. */
final class ValidationReportJson {
    private ValidationReportJson() {}

    static String write(List<FileReport> reports, boolean allValid) {
        ObjectNode root = ReportJson.NODES.objectNode();
        root.put("valid", allValid);
        ArrayNode files = root.putArray("files");
        for (FileReport report : reports) {
            ObjectNode file = files.addObject();
            file.put("file", report.file().toString());
            file.put("valid", report.isValid());
            ArrayNode problems = file.putArray("problems");
            for (Problem p : report.result().problems()) {
                ObjectNode problem = problems.addObject();
                problem.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
                problem.put("pointer", p.pointer());
                problem.put("message", p.message());
                if (p.nodeId() != null) {
                    problem.put("nodeId", p.nodeId());
                }
                if (p.property() != null) {
                    problem.put("property", p.property());
                }
                if (p.line() > 0) {
                    problem.put("line", p.line());
                    problem.put("column", p.column());
                }
            }
        }
        return ReportJson.write(root);
    }
}
