package dev.switchboard.connector.filewrite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends whole lines to files, one writer per file at a time across every flow in the process,
 * so lines from concurrent events never interleave. Locks are striped by path: memory stays
 * bounded however many file names templates produce.
 */
final class LineAppender {
    private static final int STRIPES = 64;
    private static final ReentrantLock[] LOCKS = new ReentrantLock[STRIPES];

    static {
        for (int i = 0; i < STRIPES; i++) {
            LOCKS[i] = new ReentrantLock();
        }
    }

    private LineAppender() {}

    /**
     * Appends {@code line} and a newline, creating the file and its folders when needed.
     *
     * @param header written first when the file is new or empty (CSV column names); null for none
     */
    static void append(Path file, String header, String line) throws IOException {
        ReentrantLock lock = LOCKS[Math.floorMod(file.hashCode(), STRIPES)];
        lock.lock();
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            StringBuilder text = new StringBuilder(line.length() + 1 + (header == null ? 0 : header.length() + 1));
            if (header != null && (!Files.exists(file) || Files.size(file) == 0)) {
                text.append(header).append('\n');
            }
            text.append(line).append('\n');
            try (OutputStream out = Files.newOutputStream(
                    file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            lock.unlock();
        }
    }
}
