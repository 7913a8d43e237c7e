package dev.switchboard.designer.view;

import dev.switchboard.designer.model.TemplateLibrary;
import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.DocumentFiles;
import dev.switchboard.designer.viewmodel.GalleryViewModel;
import dev.switchboard.runtime.format.MalformedFlowException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;

/** The File menu's commands: they ask the dialogs, then hand over to {@link DocumentFiles}. */
final class FileActions {
    private final DesignerViewModel vm;
    private final DialogService dialogs;
    private final TemplateLibrary templates;
    private final Supplier<Window> window;
    /** File ▸ Export ▸ Camel YAML… and File ▸ Import ▸ Node-RED flow…. */
    final InterchangeActions interchange;

    FileActions(DesignerViewModel vm, DialogService dialogs, TemplateLibrary templates, Supplier<Window> window) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.templates = templates;
        this.window = window;
        this.interchange = new InterchangeActions(
                new dev.switchboard.designer.viewmodel.InterchangeViewModel(vm), dialogs, window, this::mayDiscard);
    }

    void newFlow() {
        if (mayDiscard()) {
            vm.files().newFlow();
        }
    }

    void open() {
        if (mayDiscard()) {
            dialogs.chooseFlowToOpen(window.get()).ifPresent(this::openFile);
        }
    }

    void openRecent(Path file) {
        if (mayDiscard()) {
            openFile(file);
        }
    }

    private void openFile(Path file) {
        vm.files().openInBackground(file, e -> {
            if (e instanceof MalformedFlowException m) {
                dialogs.showError(
                        window.get(),
                        "Cannot open " + file.getFileName(),
                        "Line " + m.line() + ", column " + m.column() + ": " + m.getMessage());
            } else {
                dialogs.showError(window.get(), "Cannot open " + file.getFileName(), e.getMessage());
            }
        });
    }

    /** True when saved (or nothing to save); false when the user cancelled or saving failed. */
    boolean save() {
        try {
            return vm.files().save() || saveAs();
        } catch (IOException e) {
            dialogs.showError(window.get(), "Cannot save", e.getMessage());
            return false;
        }
    }

    boolean saveAs() {
        if (vm.files().fileProperty().get() == null) {
            Optional<String> name = dialogs.askFlowName(window.get(), vm.flow().displayName());
            if (name.isEmpty() || name.get().isBlank()) {
                return false;
            }
            if (!name.get().strip().equals(vm.flow().displayName())) {
                vm.files().name(name.get());
            }
        }
        Optional<Path> target =
                dialogs.chooseFlowToSave(window.get(), vm.files().suggestedFileName());
        if (target.isEmpty()) {
            return false;
        }
        try {
            vm.files().saveAs(target.get());
            return true;
        } catch (IOException e) {
            dialogs.showError(window.get(), "Cannot save " + target.get().getFileName(), e.getMessage());
            return false;
        }
    }

    void newFromTemplate() {
        if (mayDiscard()) {
            GalleryView.open(
                    window.get(),
                    new GalleryViewModel(templates),
                    t -> vm.files().importTemplate(t));
        }
    }

    void export() {
        dialogs.chooseExportFolder(window.get()).ifPresent(folder -> {
            try {
                vm.files().export(folder);
            } catch (IOException e) {
                dialogs.showError(window.get(), "Cannot export", e.getMessage());
            }
        });
    }

    void deploy() {
        DeployDialog.open(window.get(), vm.deploy());
    }

    /** The unsaved-changes guard: true when it is fine to throw the current document away. */
    boolean mayDiscard() {
        if (!vm.isDirty()) {
            return true;
        }
        switch (dialogs.confirmUnsaved(window.get(), vm.flow().displayName())) {
            case SAVE:
                return save();
            case DISCARD:
                return true;
            default:
                return false;
        }
    }
}
