package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --data} / {@code --db}: which store a command works on. {@code scope = INHERIT}: on a
 * command with subcommands ({@code runs}, {@code dead-letters}) they may be given before or after
 * the subcommand ({@code runs --data D show ID} = {@code runs show --data D ID}); the
 * subcommands read them from their parent.
 */
final class StoreOptions {
    static final String STORE_FILE = "switchboard.mv.db";

    @Option(
            names = "--data",
            defaultValue = "data",
            scope = ScopeType.INHERIT,
            description = "Folder for the runtime's state and files (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--db",
            scope = ScopeType.INHERIT,
            description = "JDBC URL of the store (default: an H2 file in the data folder); PostgreSQL:"
                    + " jdbc:postgresql://HOST/DB?user=USER, the password in the environment variable "
                    + Store.PASSWORD_VARIABLE + ".")
    String dbUrl;

    String url() {
        return dbUrl != null ? dbUrl : Store.defaultUrl(dataDir);
    }

    /** Where the store is, for messages: "in /abs/data" or "at jdbc:…" (a password in the URL shown as ***). */
    String where() {
        return dbUrl != null
                ? "at " + Store.redacted(dbUrl)
                : "in " + dataDir.toAbsolutePath().normalize();
    }

    /** For {@code run}, which creates the folder: a file of that name is a mistake to report, not to trip over. */
    void requireDataFolder() {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new CommandFailure(
                    "--data " + dataDir + " is a file, not a folder: give the folder for the runtime's state");
        }
    }

    /** Opens the store for a read/replay command; refuses to create an empty one by accident. */
    Store openExisting() {
        if (dbUrl == null) {
            requireDataFolder();
            Path folder = dataDir.toAbsolutePath().normalize();
            if (!Files.isDirectory(dataDir)) {
                throw new CommandFailure(
                        "No store in " + folder + ": the folder does not exist; give --data with the folder"
                                + " 'switchboard run' uses, or --db with its JDBC URL");
            }
            if (!Files.exists(dataDir.resolve(STORE_FILE))) {
                throw new CommandFailure("No store in " + folder + " (no " + STORE_FILE
                        + "); give --data with the folder" + " 'switchboard run' uses, or --db with its JDBC URL");
            }
        }
        try {
            return Store.open(url());
        } catch (Store.StoreException e) {
            throw new CommandFailure(
                    "Could not open the store " + where() + ": " + CliErrors.firstLine(driverMessage(e)), e);
        }
    }

    /**
     * Flyway wraps the driver's error in a multi-line report; the deepest {@link SQLException} is
     * the driver's own words on what is wrong (no such driver, a damaged file, a locked database); an
     * {@link IllegalArgumentException} says the URL is not one the store runs on.
     */
    private static String driverMessage(Store.StoreException e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if ((t instanceof SQLException || t instanceof IllegalArgumentException) && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }
}
