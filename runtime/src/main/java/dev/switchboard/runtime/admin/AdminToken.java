package dev.switchboard.runtime.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token every admin call needs. Given ({@code --admin-token}), or generated on the
 * first start into {@code <data>/admin.token} (mode 0600, written to a temporary file in the same
 * folder and moved into place, so no reader ever sees half a token) and read from there on later
 * starts. The token itself is never logged.
 *
 * @param generated true when this start created the file (the caller prints it once)
 */
public record AdminToken(String value, boolean generated, Path file) {
    public static final String FILE_NAME = "admin.token";
    private static final SecureRandom RANDOM = new SecureRandom();

    public AdminToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The admin token is empty");
        }
    }

    /** The given token, else the one in {@code <dataDir>/admin.token}, else a new one written there. */
    public static AdminToken resolve(String given, Path dataDir) throws IOException {
        if (given != null && !given.isBlank()) {
            return new AdminToken(given.strip(), false, null);
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return new AdminToken(read(file), false, file);
        }
        String token = generate();
        Path temp = Files.createTempFile(dataDir, ".admin-token-", ".tmp", ownerOnly(dataDir));
        try {
            Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
            try {
                // no REPLACE_EXISTING: a token another process wrote meanwhile wins and is used
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                return new AdminToken(read(file), false, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return new AdminToken(token, true, file);
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new java.nio.file.attribute.FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            };
        }
        return new java.nio.file.attribute.FileAttribute<?>[0];
    }

    private static String read(Path file) throws IOException {
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw new IOException(
                    file + " is empty: delete it to have a new admin token generated, or give --admin-token");
        }
        return token;
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time: how long the comparison takes says nothing about how much of the token was right. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AdminToken[" + (file == null ? "given" : file) + "]"; // never the value
    }
}
