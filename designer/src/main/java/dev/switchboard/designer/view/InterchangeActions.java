package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.InterchangeViewModel;
import dev.switchboard.runtime.importer.nodered.ImportException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.stage.Window;

/** File ▸ Export ▸ Camel YAML… and File ▸ Import ▸ Node-RED flow…: they ask the dialogs, then the view-model. */
final class InterchangeActions {
    private final InterchangeViewModel interchange;
    private final InterchangeDialogs dialogs;
    private final DialogService errors;
    private final Supplier<Window> window;
    private final BooleanSupplier mayDiscard;

    InterchangeActions(
            InterchangeViewModel interchange,
            DialogService dialogs,
            Supplier<Window> window,
            BooleanSupplier mayDiscard) {
        this.interchange = interchange;
        this.dialogs = dialogs.interchange();
        this.errors = dialogs;
        this.window = window;
        this.mayDiscard = mayDiscard;
    }

    void exportCamelYaml() {
        dialogs.chooseCamelYamlTarget(window.get(), interchange.suggestedCamelFileName())
                .ifPresent(target -> {
                    try {
                        InterchangeViewModel.Exported exported = interchange.exportCamelYaml(target);
                        dialogs.showReport(window.get(), "Exported " + target.getFileName(), exported.report());
                    } catch (IOException e) {
                        errors.showError(window.get(), "Cannot export " + target.getFileName(), e.getMessage());
                    }
                });
    }

    void importNodeRed() {
        if (!mayDiscard.getAsBoolean()) {
            return;
        }
        Optional<Path> source = dialogs.chooseNodeRedFile(window.get());
        if (source.isEmpty()) {
            return;
        }
        InterchangeViewModel.Imported imported;
        try {
            imported = interchange.readNodeRed(source.get());
        } catch (IOException | ImportException e) {
            errors.showError(window.get(), "Cannot import " + source.get().getFileName(), e.getMessage());
            return;
        }
        Optional<Integer> chosen = imported.flows().size() == 1
                ? Optional.of(0)
                : dialogs.chooseImportedFlow(window.get(), imported.flowLabels());
        chosen.filter(i -> i >= 0).ifPresent(i -> {
            var flow = interchange.open(imported, i);
            dialogs.showReport(window.get(), "Imported " + source.get().getFileName(), imported.report(flow));
        });
    }
}
