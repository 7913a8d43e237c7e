package dev.switchboard.designer.edit;

/**
 * One undoable edit (Scene Builder style). {@link #execute()} runs once, then the manager calls
 * {@link #undo()} and {@link #redo()} as the user moves through history.
 */
public interface Job {
    void execute();

    void undo();

    default void redo() {
        execute();
    }

    /** Shown in the Edit menu: "Undo Move 2 nodes". */
    String description();

    /**
     * Absorbs a job that was just executed after this one, so that e.g. typing into one field is a
     * single undo step. Returns false when the two edits must stay apart.
     */
    default boolean mergeWith(Job next) {
        return false;
    }
}
