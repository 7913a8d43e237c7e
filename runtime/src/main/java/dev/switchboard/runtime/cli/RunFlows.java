package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.admin.FlowDeployments;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.validate.FlowLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code run} starts with, worked out before anything starts: the schemas the flows' contracts
 * come from, and the flows given on the command line merged with those deployed through the admin API.
 *
 * @param deployedFolder where the admin API keeps deployed flows ({@code <data>/flows})
 */
record RunFlows(SchemaRegistry schemas, Path deployedFolder, List<Flow> flows) {

    /**
     * Loads the flows, printing warnings and problems to {@code err}; empty when a flow has a problem
     * or paths were given that hold no flow: {@code run} then exits 1 before anything started.
     */
    static Optional<RunFlows> load(
            List<Path> paths, Path schemasDir, Path dataDir, ConnectorCatalog catalog, PrintWriter out, PrintWriter err)
            throws IOException {
        SchemaRegistry schemas = schemasDir != null
                ? new SchemaRegistry(schemasDir)
                : paths.isEmpty()
                        ? new SchemaRegistry(dataDir.resolve(SchemaRegistry.FOLDER))
                        : SchemaRegistry.beside(paths.get(0));
        FlowLoader.Loaded given = paths.isEmpty()
                ? new FlowLoader.Loaded(List.of(), List.of(), List.of())
                : FlowLoader.load(paths, catalog, schemas);
        Path deployedFolder = dataDir.resolve(FlowDeployments.FOLDER);
        FlowLoader.Loaded persisted = Files.isDirectory(deployedFolder)
                ? FlowLoader.load(List.of(deployedFolder), catalog, schemas)
                : new FlowLoader.Loaded(List.of(), List.of(), List.of());
        given.warnings().forEach(err::println);
        persisted.warnings().forEach(err::println);
        if (!given.problems().isEmpty() || !persisted.problems().isEmpty()) {
            given.problems().forEach(err::println);
            persisted.problems().forEach(err::println);
            err.flush();
            return Optional.empty();
        }
        List<Flow> flows = startingFlows(given.flows(), persisted.flows(), deployedFolder, out);
        if (flows.isEmpty() && !paths.isEmpty()) {
            // paths that hold no flow are a mistake (a typo); no paths at all means: wait for deploys
            err.println("No flows found in " + paths + " (flow files end in .flow.json)");
            err.flush();
            return Optional.empty();
        }
        return Optional.of(new RunFlows(schemas, deployedFolder, flows));
    }

    /**
     * The flows given on the command line, with those deployed through the admin API (kept in
     * {@code <data>/flows}) in place of a given flow with the same id: the deploy is the newer word.
     */
    static List<Flow> startingFlows(List<Flow> given, List<Flow> persisted, Path folder, PrintWriter out) {
        Map<String, Flow> byId = new LinkedHashMap<>();
        given.forEach(f -> byId.put(f.id(), f));
        for (Flow f : persisted) {
            if (byId.containsKey(f.id())) {
                out.println("Flow '" + f.id() + "': running the version deployed through the admin API (" + folder
                        + "), not the one given on the command line");
            }
            byId.put(f.id(), f);
        }
        return List.copyOf(byId.values());
    }
}
