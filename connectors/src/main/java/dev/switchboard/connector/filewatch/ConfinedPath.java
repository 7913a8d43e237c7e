package dev.switchboard.connector.filewatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps a configured folder inside the runtime's data folder: absolute paths, {@code ..} segments
 * and symbolic links that lead outside are refused with a message saying why.
 * (A runtime-wide file sandbox service is planned; this helper stays small until then.)
 */
final class ConfinedPath {
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private ConfinedPath() {}

    /** Why {@code folder} may not be used, or empty when it is a plain relative path. */
    static Optional<String> problem(String folder) {
        if (folder == null || folder.isBlank()) {
            return Optional.of("name a folder inside the data folder, e.g. inbox/orders");
        }
        String unified = folder.replace('\\', '/');
        if (unified.startsWith("/") || WINDOWS_DRIVE.matcher(unified).matches() || unified.startsWith("~")) {
            return Optional.of("'" + folder + "' is an absolute path; give a folder relative to the data folder, e.g. inbox/orders");
        }
        for (String segment : unified.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("'" + folder + "' climbs out with '..'; give a folder inside the data folder, e.g. inbox/orders");
            }
        }
        try {
            Path.of(folder);
        } catch (InvalidPathException e) {
            return Optional.of("'" + folder + "' is not a valid path: " + e.getReason());
        }
        return Optional.empty();
    }

    /** The folder under {@code root}, created when missing; fails when it would lie outside. */
    static Path resolve(Path root, String folder) {
        problem(folder).ifPresent(p -> {
            throw new IllegalArgumentException("folder: " + p);
        });
        try {
            Path base = Files.createDirectories(root.toAbsolutePath().normalize()).toRealPath();
            Path target = base.resolve(folder).normalize();
            if (!target.startsWith(base)) {
                throw new IllegalArgumentException("folder: '" + folder + "' lies outside the data folder " + base);
            }
            Path real = Files.createDirectories(target).toRealPath();
            if (!real.startsWith(base)) {
                throw new IllegalArgumentException("folder: '" + folder + "' leads outside the data folder through a link (to " + real + ")");
            }
            return real;
        } catch (IOException e) {
            throw new UncheckedIOException("folder: cannot create '" + folder + "' under " + root + ": " + e.getMessage(), e);
        }
    }
}
