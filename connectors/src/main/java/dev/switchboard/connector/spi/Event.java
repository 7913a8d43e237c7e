package dev.switchboard.connector.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A CloudEvents 1.0 envelope: the body of every Camel exchange inside a flow. Triggers create
 * events; steps keep {@code id} (and so lineage) and return new envelopes with new data.
 * {@code data} must be treated as immutable: build a new tree instead of changing it.
 *
 * @param extensions CloudEvents extension attributes (lower-case names), e.g. {@code traceparent}
 */
public record Event(
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String dataContentType,
        JsonNode data,
        Map<String, String> extensions) {

    public static final String SPEC_VERSION = "1.0";

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        time = time == null ? Instant.now() : time;
        dataContentType = dataContentType == null ? "application/json" : dataContentType;
        data = data == null ? NullNode.getInstance() : data;
        extensions = Map.copyOf(extensions == null ? Map.of() : extensions);
    }

    /** A new event with a fresh id, stamped now. */
    public static Event create(String source, String type, JsonNode data) {
        return new Event(newId(), source, type, Instant.now(), null, null, data, Map.of());
    }

    /**
     * A fresh time-ordered (version 7, RFC 9562) UUID: the current millisecond, then 74 random
     * bits. Ids made one after another sort one after another, so the store's indexes on run and
     * event ids grow at their end instead of rewriting pages all over (random ids made each history
     * commit rewrite most of those indexes). Ids must be unique, not unguessable: the bits come from
     * {@link ThreadLocalRandom}, not {@link UUID#randomUUID()}'s shared SecureRandom, which costs more
     * than the rest of a short flow under load.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    public Event withData(JsonNode newData) {
        return new Event(id, source, type, time, subject, dataContentType, newData, extensions);
    }

    public Event withSubject(String newSubject) {
        return new Event(id, source, type, time, newSubject, dataContentType, data, extensions);
    }

    /** Same envelope with a deep copy of the data, so a fan-out branch cannot affect another. */
    public Event deepCopy() {
        return new Event(id, source, type, time, subject, dataContentType, data.deepCopy(), extensions);
    }
}
