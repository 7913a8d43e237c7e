package dev.switchboard.designer.view;

import dev.switchboard.designer.model.FlowNames;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: file choosers filtered to flow files, and alerts. */
public final class FxDialogService implements DialogService {
    private static final FileChooser.ExtensionFilter FLOWS =
            new FileChooser.ExtensionFilter("Switchboard flows (*.flow.json)", "*.flow.json");
    private File lastFolder;

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
    public Optional<String> askFlowName(Window owner, String currentName) {
        TextInputDialog dialog = new TextInputDialog(currentName);
        dialog.initOwner(owner);
        dialog.setTitle("Save flow");
        dialog.setHeaderText("Name this flow");
        dialog.setGraphic(null);
        Label where = new Label();
        where.textProperty()
                .bind(dialog.getEditor()
                        .textProperty()
                        .map(n -> "Its id: " + FlowNames.slug(n) + " — saved as " + FlowNames.slug(n) + ".flow.json"));
        where.getStyleClass().add(Styles.MUTED);
        dialog.getDialogPane().setContent(new javafx.scene.layout.VBox(8, dialog.getEditor(), where));
        dialog.getEditor().setPrefColumnCount(28);
        javafx.application.Platform.runLater(() -> dialog.getEditor().selectAll());
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> chooseExportFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export to folder (for ./switchboard run)");
        chooser.setInitialDirectory(folder());
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    @Override
    public UnsavedChoice confirmUnsaved(Window owner, String documentName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.NONE, "", save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setGraphic(Icons.of(org.kordamp.ikonli.feather.Feather.SAVE));
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
        chooser.setInitialDirectory(folder());
        return chooser;
    }

    /** The folder used last, else the workspace folder (made when first needed), else the home folder. */
    private File folder() {
        if (lastFolder != null && lastFolder.isDirectory()) {
            return lastFolder;
        }
        try {
            return java.nio.file.Files.createDirectories(FlowNames.workspace()).toFile();
        } catch (java.io.IOException e) {
            // a read-only home: the chooser still opens, one folder up from where flows would go
            return new File(System.getProperty("user.home"));
        }
    }

    private Optional<Path> remember(File file) {
        if (file != null && file.getParentFile() != null) {
            lastFolder = file.getParentFile();
        }
        return Optional.ofNullable(file).map(File::toPath);
    }
}
