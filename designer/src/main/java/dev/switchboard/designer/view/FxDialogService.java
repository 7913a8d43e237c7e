package dev.switchboard.designer.view;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: file choosers filtered to flow files, and alerts. */
public final class FxDialogService implements DialogService {
    private static final FileChooser.ExtensionFilter FLOWS =
            new FileChooser.ExtensionFilter("Switchboard flows (*.flow.json)", "*.flow.json");
    private File lastFolder = new File(System.getProperty("user.dir"));

    @Override
    public Optional<Path> chooseFlowToOpen(Window owner) {
        FileChooser chooser = chooser("Open flow");
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseFlowToSave(Window owner, String suggestedName) {
        FileChooser chooser = chooser("Save flow");
        chooser.setInitialFileName(suggestedName);
        Optional<Path> chosen = remember(chooser.showSaveDialog(owner));
        // GTK does not add the double extension by itself
        return chosen.map(p -> p.getFileName().toString().endsWith(".flow.json")
                ? p
                : p.resolveSibling(p.getFileName().toString().replaceAll("\\.json$", "") + ".flow.json"));
    }

    @Override
    public Optional<Path> chooseExportFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export to folder (for ./switchboard run)");
        if (lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    @Override
    public UnsavedChoice confirmUnsaved(Window owner, String documentName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save changes to '" + documentName + "'?");
        alert.setContentText("Your changes are lost if you don't save them.");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            return UnsavedChoice.SAVE;
        }
        return answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public void showError(Window owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(FLOWS);
        if (lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file != null && file.getParentFile() != null) {
            lastFolder = file.getParentFile();
        }
        return Optional.ofNullable(file).map(File::toPath);
    }
}
