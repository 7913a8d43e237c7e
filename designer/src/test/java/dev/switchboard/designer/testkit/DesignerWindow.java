package dev.switchboard.designer.testkit;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.model.TemplateLibrary;
import dev.switchboard.designer.view.MainWindow;
import dev.switchboard.designer.viewmodel.Debouncer;
import dev.switchboard.designer.viewmodel.DesignerViewModel;
import java.nio.file.Path;
import javafx.stage.Stage;

/** The real designer window on a test stage, with stub dialogs and validation without delay. */
public final class DesignerWindow {
    public final DesignerViewModel vm;
    public final StubDialogs dialogs = new StubDialogs();
    public final MainWindow window;

    public DesignerWindow(Stage stage, Path samples) {
        vm = new DesignerViewModel(ConnectorCatalog.load(), Debouncer.IMMEDIATE);
        window = new MainWindow(vm, dialogs, new TemplateLibrary(samples));
        window.install(stage);
        stage.setWidth(1500);
        stage.setHeight(950);
        stage.show();
        // the built-in catalog keeps growing: show just the demo connectors so none is below the fold
        vm.palette().searchProperty().set("demo");
    }
}
