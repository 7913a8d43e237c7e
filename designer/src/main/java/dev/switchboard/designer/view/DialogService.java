package dev.switchboard.designer.view;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** The native dialogs the designer needs; tests substitute answers. */
public interface DialogService {
    enum UnsavedChoice {
        SAVE,
        DISCARD,
        CANCEL
    }

    Optional<Path> chooseFlowToOpen(Window owner);

    Optional<Path> chooseFlowToSave(Window owner, String suggestedName);

    /** Before a flow's first save: its name (its id and file name follow); empty when cancelled. */
    Optional<String> askFlowName(Window owner, String currentName);

    Optional<Path> chooseExportFolder(Window owner);

    UnsavedChoice confirmUnsaved(Window owner, String documentName);

    void showError(Window owner, String title, String message);

    /** The export and import dialogs: the application's are native choosers and JavaFX dialogs. */
    default InterchangeDialogs interchange() {
        return new FxInterchangeDialogs();
    }
}
