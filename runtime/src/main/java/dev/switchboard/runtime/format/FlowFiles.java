package dev.switchboard.runtime.format;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.validate.FlowFileValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds flow files under paths and loads them, validated, collecting every problem rather than stopping at the first. */
public final class FlowFiles {
    private FlowFiles() {}

    /**
     * @param flows the flows without errors
     * @param problems one human-readable line per error, prefixed with the file; non-empty means do not run
     * @param warnings lines for things that work but are probably unintended (a trigger wired to nothing)
     */
    public record Loaded(List<Flow> flows, List<Path> files, List<String> problems, List<String> warnings) {
        public Loaded(List<Flow> flows, List<Path> files, List<String> problems) {
            this(flows, files, problems, List.of());
        }
    }

    /** Files as given, folders searched recursively for {@code *.flow.json}, in a stable order. */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> f.getFileName().toString().endsWith(FlowFormat.FILE_SUFFIX))
                            .filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /**
     * Loads and validates every flow file; a flow is returned only when it has no errors, and every
     * error of every file is listed ({@code file: pointer: message}), as are flow ids used twice.
     */
    public static Loaded load(List<Path> paths, ConnectorCatalog catalog) throws IOException {
        List<Flow> flows = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (FlowFileValidator.FileReport report : new FlowFileValidator(catalog).validate(paths)) {
            files.add(report.file());
            report.errors().forEach(p -> problems.add(report.describe(p)));
            report.warnings().forEach(p -> warnings.add(report.describe(p)));
            if (report.isValid()) {
                flows.add(report.result().flow());
            }
        }
        return new Loaded(flows, files, problems, warnings);
    }
}
