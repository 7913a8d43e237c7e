package dev.switchboard.designer.testkit;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.model.TemplateLibrary;
import dev.switchboard.designer.run.RunSettings;
import dev.switchboard.designer.view.FxDialogService;
import dev.switchboard.designer.view.MainWindow;
import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.FxDebouncer;
import dev.switchboard.designer.viewmodel.RunEnvironment;
import dev.switchboard.designer.viewmodel.RunViewModel;
import java.nio.file.Paths;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Opens the designer in a given state for screenshots (docs/images): args are a flow file, a node
 * to select ("-" for none), "dark" for the dark theme, "run" to press Run (store in the user data
 * folder, see UserDataFolder) and "inject" to then send the first trigger its sample event and trace
 * it ("inject=FILE" sends that JSON instead); "tab=runs" shows that bottom tab. Run under Xvfb; not a test.
 */
public final class ScreenshotApp extends Application {
    /** A plain main class, as an Application subclass cannot be launched from the class path. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(ScreenshotApp.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        DesignerViewModel vm = new DesignerViewModel(
                new ConnectorCatalog(ConnectorCatalog.load().all().stream()
                        .filter(c -> !c.spec().id().startsWith("demo."))
                        .toList()),
                new FxDebouncer(Duration.millis(100)),
                RunEnvironment.fx(RunSettings::forUser));
        stage.setOnHidden(e -> vm.run().shutdown());
        MainWindow window = new MainWindow(vm, new FxDialogService(), TemplateLibrary.fromSystemProperty());
        window.install(stage);
        stage.setX(0);
        stage.setY(0);
        List<String> args = getParameters().getRaw();
        vm.darkThemeProperty().set(args.contains("dark"));
        stage.show();
        if (!args.isEmpty() && !args.get(0).equals("-")) {
            vm.files().open(Paths.get(args.get(0)));
        }
        if (args.size() > 1 && !args.get(1).equals("-")) {
            vm.selection().select(args.get(1));
        }
        PauseTransition settle = new PauseTransition(Duration.millis(500));
        settle.setOnFinished(e -> {
            window.canvas().fitToView();
            args.stream()
                    .filter(a -> a.startsWith("tab="))
                    .findFirst()
                    .ifPresent(a -> stage.getScene()
                            .getRoot()
                            .lookupAll(".tab-pane")
                            .forEach(n -> ((javafx.scene.control.TabPane) n)
                                    .getTabs().stream()
                                            .filter(t -> t.getText().equalsIgnoreCase(a.substring(4)))
                                            .findFirst()
                                            .ifPresent(t -> ((javafx.scene.control.TabPane) n)
                                                    .getSelectionModel()
                                                    .select(t))));
            if (args.contains("gallery")) {
                window.newFromTemplate();
            }
            if (args.contains("run")) {
                vm.run().run();
            }
            // inject=FILE: send that JSON instead of the trigger's sample event
            java.util.Optional<String> injectFile = args.stream()
                    .filter(a -> a.startsWith("inject="))
                    .map(a -> a.substring("inject=".length()))
                    .findFirst();
            if (args.contains("inject") || injectFile.isPresent()) {
                vm.run()
                        .inject()
                        .lastEventIdProperty()
                        .addListener((obs, o, id) -> vm.run().trace().trace(id));
                vm.run().stateProperty().addListener((obs, o, st) -> {
                    if (st == RunViewModel.State.RUNNING) {
                        injectFile.ifPresent(
                                f -> vm.run().inject().textProperty().set(read(f)));
                        vm.run().inject().send();
                    }
                });
            }
        });
        settle.play();
    }

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(Paths.get(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
