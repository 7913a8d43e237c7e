package dev.switchboard.runtime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * One runtime at a time runs a store's inbox. H2's AUTO_SERVER lets a second process open the
 * same database (that is how {@code switchboard runs} reads it while a runtime runs), so without
 * this two runtimes would dispatch the same events. The owner holds an operating-system lock on a
 * file beside the database, which the system releases when the process ends in any way, kill -9
 * included; the file says who holds it.
 *
 * <p>Only embedded H2 file stores are guarded this way; an in-memory database cannot be shared,
 * and a server database is outside this check.
 */
public final class StoreOwnership implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private StoreOwnership(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Another runtime owns the store; the message names the store, the owner and the way out. */
    public static final class StoreInUseException extends RuntimeException {
        StoreInUseException(String message) {
            super(message);
        }
    }

    /**
     * Takes the store at {@code jdbcUrl} for this process, or empty when the store is not an
     * embedded H2 file.
     *
     * @throws StoreInUseException when another runtime (in this or another process) holds it
     */
    public static Optional<StoreOwnership> acquire(String jdbcUrl) {
        Optional<Path> database = h2File(jdbcUrl);
        if (database.isEmpty()) {
            return Optional.empty();
        }
        Path file = Path.of(database.get() + ".owner.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(database.get(), owner(channel));
            }
            StoreOwnership ownership = new StoreOwnership(file, channel, lock);
            ownership.describe(null);
            return Optional.of(ownership);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(database.get(), "another runtime in this process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock the store " + database.get() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Records what the owner serves, for the message a second runtime gets. */
    public void describe(String webhooks) {
        String text = "pid " + ProcessHandle.current().pid() + ", since " + since
                + (webhooks == null ? "" : ", webhooks at " + webhooks) + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static StoreInUseException inUse(Path database, String owner) {
        return new StoreInUseException("Another Switchboard runtime (" + owner + ") is running on the store "
                + database.getParent() + "; stop it first, or give this one another data folder (--data)");
    }

    private static String owner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int read = channel.read(buffer, 0);
            String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "owner unknown" : text;
        } catch (IOException e) {
            return "owner unknown";
        }
    }

    /** The database file path of an embedded H2 file URL ({@code jdbc:h2:file:/x/y;…} or {@code jdbc:h2:/x/y}). */
    static Optional<Path> h2File(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String name = options < 0 ? rest : rest.substring(0, options);
        String kind = name.toLowerCase(Locale.ROOT);
        if (kind.startsWith("mem:") || kind.startsWith("tcp:") || kind.startsWith("ssl:") || kind.startsWith("zip:")) {
            return Optional.empty();
        }
        if (kind.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (kind.startsWith("nio:") || kind.startsWith("split:") || kind.startsWith("retry:")) {
            name = name.substring(name.indexOf(':') + 1);
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name).toAbsolutePath().normalize());
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release: closing the channel is the release
            }
        }
    }

    /** Gives the store up; the file stays (removing it could race with a runtime that just locked it). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the lock on " + file + ": " + e.getMessage(), e);
        }
    }
}
