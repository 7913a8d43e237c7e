package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.export.CamelExport;
import dev.switchboard.runtime.export.CamelYamlExport;
import dev.switchboard.runtime.export.ExportNote;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.importer.nodered.ImportException;
import dev.switchboard.runtime.importer.nodered.ImportFinding;
import dev.switchboard.runtime.importer.nodered.ImportResult;
import dev.switchboard.runtime.importer.nodered.NodeRedExport;
import dev.switchboard.runtime.importer.nodered.NodeRedImporter;
import dev.switchboard.runtime.model.Flow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * File ▸ Export ▸ Camel YAML and File ▸ Import ▸ Node-RED flow: the runtime's exporter and
 * importer applied to the document, with their reports as text for a dialog.
 */
public final class InterchangeViewModel {
    /** What an export wrote and what it could not express (docs/export-camel.md). */
    public record Exported(Path file, List<String> notes) {
        public Exported {
            notes = List.copyOf(notes);
        }

        public String report() {
            return notes.isEmpty()
                    ? "Everything in the flow was expressed in Camel YAML."
                    : "Not exported or only approximated (also listed at the top of the file):\n\n"
                            + notes.stream().map(n -> "• " + n).collect(Collectors.joining("\n"));
        }
    }

    /** A converted Node-RED export: one flow per tab, and what was not converted as it was. */
    public record Imported(Path source, List<Flow> flows, List<ImportFinding> findings) {
        public Imported {
            flows = List.copyOf(flows);
            findings = List.copyOf(findings);
        }

        /** The flows' names for a chooser: "Orders API (orders-api, 8 nodes)". */
        public List<String> flowLabels() {
            return flows.stream()
                    .map(f -> f.displayName() + " (" + f.id() + ", " + f.nodes().size() + " nodes)")
                    .toList();
        }

        /** The import report, grouped as {@code switchboard import nodered} prints it. */
        public String report(Flow opened) {
            StringBuilder text = new StringBuilder("Opened '" + opened.displayName() + "' as a new, unsaved flow");
            if (flows.size() > 1) {
                text.append(" (").append(flows.size()).append(" flows in the file)");
            }
            text.append(".\n");
            section(text, "Not converted, kept as disabled placeholders:", ImportFinding.Kind.PLACEHOLDER);
            section(text, "Left out:", ImportFinding.Kind.DROPPED);
            section(text, "Converted with differences:", ImportFinding.Kind.NOTE);
            if (findings.isEmpty()) {
                text.append("\nEvery node was converted.");
            }
            return text.toString();
        }

        private void section(StringBuilder text, String heading, ImportFinding.Kind kind) {
            List<ImportFinding> of =
                    findings.stream().filter(f -> f.kind() == kind).toList();
            if (!of.isEmpty()) {
                text.append('\n').append(heading).append('\n');
                of.forEach(f -> text.append("• ").append(f.describe()).append('\n'));
            }
        }
    }

    private final DesignerViewModel doc;

    public InterchangeViewModel(DesignerViewModel doc) {
        this.doc = doc;
    }

    /** A file name for the save chooser: the flow id. */
    public String suggestedCamelFileName() {
        return doc.flow().id() + ".camel.yaml";
    }

    /** Writes the open flow as Camel YAML DSL to {@code target}. */
    public Exported exportCamelYaml(Path target) throws IOException {
        CamelExport export = new CamelYamlExport(doc.catalog()).export(doc.flow());
        Files.writeString(target, export.yaml());
        doc.statusProperty()
                .set("Exported Camel YAML to " + target.getFileName()
                        + (export.notes().isEmpty() ? "" : " (" + export.notes().size() + " note(s))"));
        return new Exported(
                target, export.notes().stream().map(ExportNote::describe).toList());
    }

    /**
     * Reads and converts a Node-RED flows file.
     *
     * @throws ImportException when the file is not a Node-RED export (with what was expected)
     */
    public Imported readNodeRed(Path file) throws IOException, ImportException {
        String text;
        try {
            text = FlowCodec.readFile(file);
        } catch (MalformedFlowException e) {
            throw new ImportException(
                    (e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "") + e.getMessage());
        }
        ImportResult result = NodeRedImporter.convert(NodeRedExport.parse(text));
        if (result.flows().isEmpty()) {
            throw new ImportException("The file holds no flow to import: no tab and no node with a position");
        }
        return new Imported(file, result.flows(), result.findings());
    }

    /** Opens flow {@code index} of {@code imported} as a new, unsaved document (Save asks where). */
    public Flow open(Imported imported, int index) {
        Flow flow = imported.flows().get(index);
        doc.files()
                .openUnsaved(
                        flow,
                        "Imported '" + flow.displayName() + "' from "
                                + imported.source().getFileName() + " — not saved yet");
        return flow;
    }
}
