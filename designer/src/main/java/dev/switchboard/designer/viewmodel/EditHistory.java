package dev.switchboard.designer.viewmodel;

import dev.switchboard.designer.edit.Job;
import dev.switchboard.designer.edit.JobManager;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The open document's undo history as the menus and title bar see it: whether undo and redo are
 * possible, what they would undo or redo, and whether the document differs from its last save.
 */
public final class EditHistory {
    private final JobManager jobs;
    private final Consumer<String> announce;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private long savedRevision;

    /** @param announce told what an undo or redo is about to do ("Undid Move 2 nodes"), for the status bar */
    EditHistory(int limit, Consumer<String> announce) {
        this.jobs = new JobManager(limit);
        this.announce = announce;
        jobs.setListener(this::changed);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    void execute(Job job) {
        jobs.execute(job);
    }

    void undo() {
        jobs.undoDescription().ifPresent(d -> announce.accept("Undid " + d));
        jobs.undo();
    }

    void redo() {
        jobs.redoDescription().ifPresent(d -> announce.accept("Redid " + d));
        jobs.redo();
    }

    /** A new document: no history, and clean unless it has never been saved anywhere. */
    void reset(boolean clean) {
        jobs.clear();
        savedRevision = clean ? jobs.revision() : -1;
        changed();
    }

    void markSaved() {
        savedRevision = jobs.revision();
        changed();
    }

    private void changed() {
        canUndo.set(jobs.canUndo());
        canRedo.set(jobs.canRedo());
        undoText.set(jobs.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(jobs.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
        dirty.set(jobs.revision() != savedRevision);
    }
}
