package dev.switchboard.runtime.secrets;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Files and folders only their owner may read: the data folder (run history, dead letters, the
 * store), the secrets vault and its key, the admin token. On file systems without POSIX
 * permissions (Windows) these do nothing: there the folder's ACL, inherited from the user's
 * profile, is what protects it.
 */
public final class OwnerOnly {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    /**
     * Creates {@code folder} (and missing parents) readable by its owner only. An existing folder
     * is left as it is: it may be one the user shares on purpose ({@code --data .}).
     */
    public static void createDirectories(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (POSIX) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        } else {
            Files.createDirectory(folder);
        }
    }

    /** Makes an existing file readable and writable by its owner only. */
    public static void restrict(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /**
     * Makes the files of the data folder whose names start with {@code prefix} owner-only: the
     * store's files, which H2 creates with the process's umask (usually readable by all).
     */
    public static void restrictFiles(Path folder, String prefix) throws IOException {
        if (!POSIX || !Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && file.getFileName().toString().startsWith(prefix)) {
                    restrict(file);
                }
            }
        }
    }

    /**
     * What is wrong with who may read {@code path}, if anything: "readable by other users (mode
     * 0644)". Empty when only its owner may, or when the file system has no POSIX permissions.
     */
    public static Optional<String> othersMayRead(Path path) throws IOException {
        if (!POSIX) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        boolean group = permissions.contains(PosixFilePermission.GROUP_READ);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_READ);
        if (!group && !others) {
            return Optional.empty();
        }
        return Optional.of(
                "readable by " + (others ? "every user" : "its group") + " (mode " + mode(permissions) + ")");
    }

    private static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", mode);
    }
}
