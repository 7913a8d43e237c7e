package dev.switchboard.designer.testkit;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.model.TemplateLibrary;
import dev.switchboard.designer.run.RunSettings;
import dev.switchboard.designer.view.MainWindow;
import dev.switchboard.designer.viewmodel.Debouncer;
import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.RunEnvironment;
import java.nio.file.Path;
import javafx.stage.Stage;

/** The real designer window on a test stage, with stub dialogs and validation without delay. */
public final class DesignerWindow {
    public final DesignerViewModel vm;
    public final StubDialogs dialogs = new StubDialogs();
    public final MainWindow window;

    public DesignerWindow(Stage stage, Path samples) {
        this(stage, samples, new DesignerViewModel(ConnectorCatalog.load(), Debouncer.IMMEDIATE));
    }

    /**
     * A window whose Run button really runs flows: the embedded runtime keeps its store in
     * {@code dataFolder}, webhooks on a free loopback port, the UI fed ten times a second.
     */
    public static DesignerWindow runnable(Stage stage, Path samples, Path dataFolder) {
        return runnable(stage, samples, dataFolder, 100);
    }

    /** As {@link #runnable(Stage, Path, Path)}, keeping {@code messageCapacity} messages for the inspector. */
    public static DesignerWindow runnable(Stage stage, Path samples, Path dataFolder, int messageCapacity) {
        RunSettings settings = new RunSettings(dataFolder, 0, messageCapacity);
        return new DesignerWindow(
                stage,
                samples,
                new DesignerViewModel(ConnectorCatalog.load(), Debouncer.IMMEDIATE, RunEnvironment.fx(() -> settings)));
    }

    private DesignerWindow(Stage stage, Path samples, DesignerViewModel vm) {
        this.vm = vm;
        window = new MainWindow(vm, dialogs, new TemplateLibrary(samples));
        window.install(stage);
        stage.setWidth(1500);
        stage.setHeight(950);
        stage.show();
        // the built-in catalog keeps growing: show just the demo connectors so none is below the fold
        vm.palette().searchProperty().set("demo");
    }
}
