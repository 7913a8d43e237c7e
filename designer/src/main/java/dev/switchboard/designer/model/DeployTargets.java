package dev.switchboard.designer.model;

import dev.switchboard.runtime.secrets.OwnerOnly;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The runtime each workspace (the folder of the open flow) deploys to: its admin API's address and
 * token, remembered in {@value #FILE} in the designer's data folder — owner-only, and never in a
 * flow file, which is shared and versioned.
 */
public final class DeployTargets {
    public static final String FILE = "deploy-targets.properties";
    public static final String DEFAULT_URL = "http://127.0.0.1:8788";

    /** Where a workspace deploys to. */
    public record Target(String url, String token) {}

    private final Path file;

    public DeployTargets(Path dataFolder) {
        this.file = dataFolder.resolve(FILE);
    }

    /** The target remembered for {@code workspace} (null: a flow not saved yet). */
    public Optional<Target> forWorkspace(Path workspace) {
        Properties properties = read();
        String key = key(workspace);
        String url = properties.getProperty(key + ".url");
        return url == null
                ? Optional.empty()
                : Optional.of(new Target(url, properties.getProperty(key + ".token", "")));
    }

    public void remember(Path workspace, Target target) {
        Properties properties = read();
        properties.setProperty(key(workspace) + ".url", target.url());
        properties.setProperty(key(workspace) + ".token", target.token());
        try {
            OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".deploy-targets", ".tmp");
            try {
                OwnerOnly.restrict(temp);
                try (Writer out = Files.newBufferedWriter(temp)) {
                    properties.store(out, "Where each workspace deploys to (admin API and token); keep private");
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remember the deploy target in " + file, e);
        }
    }

    private Properties read() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    private static String key(Path workspace) {
        return workspace == null
                ? "unsaved"
                : workspace.toAbsolutePath().normalize().toString();
    }
}
