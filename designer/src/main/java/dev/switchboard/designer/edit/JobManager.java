package dev.switchboard.designer.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo/redo history with a bounded stack. {@link #revision()} names the current document state:
 * two equal revisions mean the same content, which is how the dirty flag compares against the
 * last save.
 */
public final class JobManager {
    private final int capacity;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private long counter;
    private Runnable listener = () -> {};

    public JobManager(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Called after every change of history (execute, undo, redo, clear). */
    public void setListener(Runnable listener) {
        this.listener = listener == null ? () -> {} : listener;
    }

    public void execute(Job job) {
        job.execute();
        Entry top = undo.peek();
        if (top != null && top.job.mergeWith(job)) {
            top.revision = ++counter;
        } else {
            undo.push(new Entry(job, ++counter));
            while (undo.size() > capacity) {
                undo.removeLast();
            }
        }
        redo.clear();
        listener.run();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Entry e = undo.pop();
        e.job.undo();
        redo.push(e);
        listener.run();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Entry e = redo.pop();
        e.job.redo();
        undo.push(e);
        listener.run();
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(e -> e.job.description());
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(e -> e.job.description());
    }

    /** The state the document is in now; 0 is the state it was opened in. */
    public long revision() {
        Entry top = undo.peek();
        return top == null ? 0 : top.revision;
    }

    /** Forgets all history (after New or Open). */
    public void clear() {
        undo.clear();
        redo.clear();
        listener.run();
    }

    private static final class Entry {
        private final Job job;
        private long revision;

        private Entry(Job job, long revision) {
            this.job = job;
            this.revision = revision;
        }
    }
}
