package dev.switchboard.designer.testkit;

import dev.switchboard.designer.view.DialogService;
import dev.switchboard.designer.view.InterchangeDialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** Dialog answers set by a test instead of native choosers and alerts. */
public final class StubDialogs implements DialogService {
    public Path openAnswer;
    public Path saveAnswer;
    public Path exportAnswer;
    /** The name given when a first save asks; null keeps the flow's current name. */
    public String nameAnswer;

    public int nameQuestions;
    public UnsavedChoice unsavedAnswer = UnsavedChoice.CANCEL;
    public final List<String> errors = new ArrayList<>();
    public Path camelYamlAnswer;
    public Path nodeRedAnswer;
    /** The imported flow to open when a file holds several, by its label's start; null cancels. */
    public String importedFlowAnswer;

    public final List<String> importedFlowQuestions = new ArrayList<>();
    /** Reports shown: title, a blank line, then the text. */
    public final List<String> reports = new ArrayList<>();

    public int unsavedQuestions;

    @Override
    public Optional<Path> chooseFlowToOpen(Window owner) {
        return Optional.ofNullable(openAnswer);
    }

    @Override
    public Optional<Path> chooseFlowToSave(Window owner, String suggestedName) {
        return Optional.ofNullable(saveAnswer);
    }

    @Override
    public Optional<String> askFlowName(Window owner, String currentName) {
        nameQuestions++;
        return Optional.of(nameAnswer == null ? currentName : nameAnswer);
    }

    @Override
    public Optional<Path> chooseExportFolder(Window owner) {
        return Optional.ofNullable(exportAnswer);
    }

    @Override
    public UnsavedChoice confirmUnsaved(Window owner, String documentName) {
        unsavedQuestions++;
        return unsavedAnswer;
    }

    @Override
    public InterchangeDialogs interchange() {
        return new InterchangeDialogs() {
            @Override
            public Optional<Path> chooseCamelYamlTarget(Window owner, String suggestedName) {
                return Optional.ofNullable(camelYamlAnswer);
            }

            @Override
            public Optional<Path> chooseNodeRedFile(Window owner) {
                return Optional.ofNullable(nodeRedAnswer);
            }

            @Override
            public Optional<Integer> chooseImportedFlow(Window owner, List<String> labels) {
                importedFlowQuestions.addAll(labels);
                if (importedFlowAnswer == null) {
                    return Optional.empty();
                }
                for (int i = 0; i < labels.size(); i++) {
                    if (labels.get(i).startsWith(importedFlowAnswer)) {
                        return Optional.of(i);
                    }
                }
                throw new AssertionError("no imported flow " + importedFlowAnswer + " among " + labels);
            }

            @Override
            public void showReport(Window owner, String title, String text) {
                reports.add(title + "\n\n" + text);
            }
        };
    }

    @Override
    public void showError(Window owner, String title, String message) {
        errors.add(title + ": " + message);
    }
}
