package dev.switchboard.designer.view;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** The dialogs of File ▸ Export ▸ Camel YAML and File ▸ Import ▸ Node-RED flow; tests substitute answers. */
public interface InterchangeDialogs {
    Optional<Path> chooseCamelYamlTarget(Window owner, String suggestedName);

    Optional<Path> chooseNodeRedFile(Window owner);

    /** Which of several imported flows to open (index into {@code labels}); empty when cancelled. */
    Optional<Integer> chooseImportedFlow(Window owner, List<String> labels);

    /** A report the user reads, then closes. */
    void showReport(Window owner, String title, String text);
}
