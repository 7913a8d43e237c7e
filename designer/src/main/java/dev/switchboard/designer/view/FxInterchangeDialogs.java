package dev.switchboard.designer.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Native file choosers and JavaFX dialogs for exporting and importing. */
final class FxInterchangeDialogs implements InterchangeDialogs {
    private File lastFolder = new File(System.getProperty("user.dir"));

    @Override
    public Optional<Path> chooseCamelYamlTarget(Window owner, String suggestedName) {
        FileChooser chooser = chooser("Export as Camel YAML");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Camel YAML DSL (*.yaml)", "*.yaml"));
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseNodeRedFile(Window owner) {
        FileChooser chooser = chooser("Import a Node-RED flow");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Node-RED flows (*.json)", "*.json"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Integer> chooseImportedFlow(Window owner, List<String> labels) {
        ChoiceDialog<String> dialog = new ChoiceDialog<>(labels.get(0), labels);
        dialog.initOwner(owner);
        dialog.setTitle("Import a Node-RED flow");
        dialog.setHeaderText("The file holds " + labels.size() + " flows (one per tab). Open which?");
        return dialog.showAndWait().map(labels::indexOf);
    }

    @Override
    public void showReport(Window owner, String title, String text) {
        TextArea report = new TextArea(text);
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefSize(720, 360);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(report);
        alert.setResizable(true);
        alert.showAndWait();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
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
