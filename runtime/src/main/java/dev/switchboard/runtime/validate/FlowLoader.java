package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.model.Flow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads flow files for a runtime, validated, collecting every problem rather than stopping at the
 * first. Finding the files is {@link dev.switchboard.runtime.format.FlowFiles}'s job; deciding which
 * flows may run is validation's, so this lives here and the dependency points one way
 * ({@code validate → format}).
 */
public final class FlowLoader {
    private FlowLoader() {}

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

    /**
     * Loads and validates every flow file; a flow is returned only when it has no errors, and every
     * error of every file is listed ({@code file: pointer: message}), as are flow ids used twice.
     */
    public static Loaded load(List<Path> paths, ConnectorCatalog catalog) throws IOException {
        return load(paths, catalog, null);
    }

    /** @param schemas where the flows' contracts come from; null for the {@code schemas} folder beside each file */
    public static Loaded load(List<Path> paths, ConnectorCatalog catalog, SchemaRegistry schemas) throws IOException {
        List<Flow> flows = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (FlowFileValidator.FileReport report : new FlowFileValidator(catalog, schemas).validate(paths)) {
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
