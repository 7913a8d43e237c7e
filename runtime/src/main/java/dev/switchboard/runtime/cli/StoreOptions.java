package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data} / {@code --db}: which store a command works on. */
final class StoreOptions {
    @Option(names = "--data", defaultValue = "data", description = "Folder for the runtime's state and files (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", description = "JDBC URL of the store (default: an H2 file in the data folder).")
    String dbUrl;

    String url() {
        return dbUrl != null ? dbUrl : Store.defaultUrl(dataDir);
    }

    /** Opens the store for a read/replay command; refuses to create an empty one by accident. */
    Store openExisting() {
        if (dbUrl == null && !Files.exists(dataDir.resolve("switchboard.mv.db"))) {
            throw new IllegalArgumentException("No store in " + dataDir.toAbsolutePath()
                    + " (switchboard.mv.db); give --data or --db where 'switchboard run' keeps it");
        }
        return Store.open(url());
    }
}
