package dev.switchboard.runtime.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The newest messages, numbered by seq; older ones fall out. Holds messages (seq - count, seq]
 * in slot {@code seq % capacity}. Guarded by its own lock, held only to number and store.
 */
final class MessageRing {
    private LiveMessage[] slots;
    private long lastSeq;
    private int count;
    /** Messages up to here were cleared by a reset: gone, but not "dropped". */
    private long clearedUpTo;

    MessageRing(int capacity) {
        slots = new LiveMessage[checked(capacity)];
    }

    static int checked(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The message capacity must be at least 1, not " + capacity);
        }
        return capacity;
    }

    /** Hands out the next seq; the caller builds its message with it and passes it to {@link #put}. */
    long nextSeq() {
        return ++lastSeq;
    }

    /** Stores the message with the seq {@link #nextSeq} just gave (call both under this ring's lock). */
    void put(LiveMessage message) {
        slots[(int) (message.seq() % slots.length)] = message;
        if (count < slots.length) {
            count++;
        }
    }

    synchronized int capacity() {
        return slots.length;
    }

    synchronized int size() {
        return count;
    }

    synchronized void resize(int capacity) {
        LiveMessage[] resized = new LiveMessage[checked(capacity)];
        int kept = Math.min(count, capacity);
        for (long seq = lastSeq - kept + 1; seq <= lastSeq; seq++) {
            resized[(int) (seq % capacity)] = slots[(int) (seq % slots.length)];
        }
        slots = resized;
        count = kept;
    }

    synchronized void clear() {
        Arrays.fill(slots, null);
        count = 0;
        clearedUpTo = lastSeq;
    }

    /** The messages after {@code afterSeq} still held, oldest first; the count of those lost; and the last seq. */
    synchronized Page after(long afterSeq) {
        long oldestHeld = lastSeq - count + 1;
        long wantedFrom = Math.max(afterSeq, clearedUpTo) + 1;
        long dropped = Math.max(0, oldestHeld - wantedFrom);
        List<LiveMessage> messages = new ArrayList<>((int) Math.max(0, Math.min(count, lastSeq - afterSeq)));
        for (long seq = Math.max(oldestHeld, afterSeq + 1); seq <= lastSeq; seq++) {
            messages.add(slots[(int) (seq % slots.length)]);
        }
        return new Page(messages, lastSeq, dropped);
    }

    record Page(List<LiveMessage> messages, long lastSeq, long dropped) {}
}
