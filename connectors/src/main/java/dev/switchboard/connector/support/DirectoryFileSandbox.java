package dev.switchboard.connector.support;

import dev.switchboard.connector.spi.FileSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A {@link FileSandbox} rooted at one folder. Checks the path as written (no absolute paths, no
 * {@code ..} leaving the root) and then where it really leads: the deepest part of it that
 * exists is resolved through symbolic links and must still be inside the root.
 */
public final class DirectoryFileSandbox implements FileSandbox {
    private final Path root;

    public DirectoryFileSandbox(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path resolve(String relative) {
        String problem = lexicalProblem(relative);
        if (problem != null) {
            throw new SandboxViolationException(problem + " (data folder " + root + ")");
        }
        Path resolved = root.resolve(Path.of(relative)).normalize();
        checkLinks(relative, resolved);
        return resolved;
    }

    /**
     * Why {@code relative}, as written, cannot be a path inside a sandbox — empty, absolute, invalid,
     * or climbing out with {@code ..} — or null when it can. Links are only checked by {@link #resolve}.
     */
    public static String lexicalProblem(String relative) {
        if (relative == null || relative.isBlank()) {
            return "The file path is empty";
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
            return "'" + relative + "' is absolute; file paths are relative to the data folder";
        }
        Path path;
        try {
            path = Path.of(relative);
        } catch (InvalidPathException e) {
            return "'" + relative + "' is not a valid file path: " + e.getReason();
        }
        if (path.isAbsolute()) {
            return "'" + relative + "' is absolute; file paths are relative to the data folder";
        }
        Path probe = Path.of("/sandbox").resolve(path).normalize();
        if (!probe.startsWith("/sandbox") || probe.equals(Path.of("/sandbox"))) {
            return "'" + relative + "' leads outside the data folder";
        }
        return null;
    }

    /** The real location of the deepest existing part of the path must stay under the root's real location. */
    private void checkLinks(String relative, Path resolved) {
        if (!Files.exists(root)) {
            return; // nothing exists yet, so no link can lead anywhere
        }
        try {
            Path realRoot = root.toRealPath();
            Path existing = resolved;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null || !existing.startsWith(root)) {
                return;
            }
            if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
                throw new SandboxViolationException("'" + relative + "' goes through a broken symbolic link");
            }
            if (!existing.toRealPath().startsWith(realRoot)) {
                throw new SandboxViolationException(
                        "'" + relative + "' goes through a symbolic link that leads outside the data folder " + root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check '" + relative + "' against the data folder " + root, e);
        }
    }

    @Override
    public String toString() {
        return "sandbox " + root;
    }
}
