package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.runtime.format.CatalogJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard connectors [--json]}: the connector catalog the designer's palette is built from. */
@Command(name = "connectors", description = "Lists the available connectors (node types).")
final class ConnectorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the full catalog as JSON (ids, ports, properties).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConnectorCatalog catalog = ConnectorCatalog.load();
        if (json) {
            out.print(json(catalog.specs()));
        } else {
            for (ConnectorSpec c : catalog.specs()) {
                out.printf(
                        "%-18s %-8s %-10s %s%n", c.id(), c.kind().name().toLowerCase(), c.category(), c.description());
            }
        }
        out.flush();
        return 0;
    }

    /** What {@code connectors --json} prints: the catalog as JSON and a newline (docs/connectors.json holds the built-ins'). */
    static String json(List<ConnectorSpec> specs) {
        return CatalogJson.write(specs) + "\n";
    }
}
