package dev.switchboard.connector.ingress;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunks of a body as they arrive, joined once at the end into an array of exactly the body's
 * size: no buffer doubling, and no capacity reserved on the word of a {@code Content-Length}.
 */
final class BodyCollector {
    private final List<Buffer> chunks = new ArrayList<>();
    private long size;

    void add(Buffer chunk) {
        chunks.add(chunk);
        size += chunk.length();
    }

    long size() {
        return size;
    }

    byte[] toBytes() {
        byte[] bytes = new byte[Math.toIntExact(size)];
        int at = 0;
        for (Buffer chunk : chunks) {
            chunk.getBytes(bytes, at);
            at += chunk.length();
        }
        chunks.clear();
        return bytes;
    }
}
