package dev.switchboard.designer;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.model.RecentFiles;
import dev.switchboard.designer.model.TemplateLibrary;
import dev.switchboard.designer.run.RunSettings;
import dev.switchboard.designer.view.FxDialogService;
import dev.switchboard.designer.view.MainWindow;
import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.FxDebouncer;
import dev.switchboard.designer.viewmodel.RunEnvironment;
import java.nio.file.Paths;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The JavaFX application; started through {@link DesignerLauncher}. */
public final class DesignerApp extends Application {
    private DesignerViewModel vm;

    /** Closing the window stops running flows; this covers the other ways out (Platform.exit, Cmd+Q). */
    @Override
    public void stop() {
        if (vm != null) {
            vm.run().shutdown();
        }
    }

    @Override
    public void start(Stage stage) {
        vm = new DesignerViewModel(
                ConnectorCatalog.load(),
                new FxDebouncer(Duration.millis(250)),
                RunEnvironment.fx(RunSettings::forUser));
        vm.files().useRecentFiles(RecentFiles.forUser());
        MainWindow window = new MainWindow(vm, new FxDialogService(), TemplateLibrary.fromSystemProperty());
        window.install(stage);
        stage.show();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            window.openOnStart(Paths.get(args.get(0)));
        }
    }
}
