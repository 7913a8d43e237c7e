package dev.switchboard.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code run} checks before it starts anything, so a mistake in the files it is given is one
 * line and exit 1 rather than an exception from deep inside start-up (or a half-started runtime).
 */
final class RunPreflight {
    private RunPreflight() {}

    static void check(StoreOptions store, Path secretsFile) {
        store.requireDataFolder();
        if (secretsFile != null) {
            requireReadableFile(secretsFile);
        }
    }

    private static void requireReadableFile(Path secretsFile) {
        if (!Files.exists(secretsFile)) {
            throw new CommandFailure("--secrets " + secretsFile + ": no such file (expected NAME=value lines)");
        }
        if (!Files.isRegularFile(secretsFile)) {
            throw new CommandFailure("--secrets " + secretsFile + " is not a file (expected NAME=value lines)");
        }
        if (!Files.isReadable(secretsFile)) {
            throw new CommandFailure("--secrets " + secretsFile + " cannot be read: check its permissions");
        }
    }
}
