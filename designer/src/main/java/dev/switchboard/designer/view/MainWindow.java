package dev.switchboard.designer.view;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.switchboard.designer.model.TemplateLibrary;
import dev.switchboard.designer.viewmodel.DesignerViewModel;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The designer window: menu and toolbar on top, palette | canvas | inspector in the middle,
 * problems, messages, inject, runs and trace tabs below the canvas, status bar at the bottom.
 */
public final class MainWindow {
    private final DesignerViewModel vm;
    private final BorderPane root = new BorderPane();
    private final CanvasView canvas;
    private final FileActions files;
    private final SplitPane centre;
    private Stage stage;

    public MainWindow(DesignerViewModel vm, DialogService dialogs, TemplateLibrary templates) {
        this.vm = vm;
        this.files = new FileActions(vm, dialogs, templates, () -> stage);
        this.canvas = new CanvasView(vm);
        root.getStyleClass().add(Styles.ROOT);
        root.setId("designer");

        PaletteView palette = new PaletteView(vm.palette(), vm.quickAdd()::addFromPalette);
        InspectorView inspector = new InspectorView(vm.inspector());
        BottomPanel tabs = new BottomPanel(vm);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox bottom = new VBox(new PoliciesBar(vm.run().policies()), tabs);
        centre = new SplitPane(canvas, bottom);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(bottom, false);
        SplitPane main = new SplitPane(palette, centre, inspector);
        main.setDividerPositions(0.18, 0.74);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        palette.setMinWidth(200);
        inspector.setMinWidth(300);

        MainMenu menu = new MainMenu(vm, files, canvas);
        root.setTop(new VBox(menu.menuBar(), menu.toolBar()));
        root.setCenter(main);
        root.setBottom(statusBar());
    }

    public BorderPane root() {
        return root;
    }

    public CanvasView canvas() {
        return canvas;
    }

    /** Puts the window on a stage: scene, title, theme, and the unsaved-changes guard on close. */
    public Scene install(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(root, 1366, 800);
        scene.getStylesheets()
                .add(MainWindow.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(vm.files().titleProperty());
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.setOnCloseRequest(e -> {
            if (!files.mayDiscard()) {
                e.consume();
            } else {
                vm.run().shutdown();
            }
        });
        // on a laptop-height screen the bottom panel needs room for a message or trace to be readable
        centre.setDividerPositions(scene.getHeight() < 900 ? 0.58 : 0.68);
        applyTheme(vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((obs, o, dark) -> applyTheme(dark));
        return scene;
    }

    /** File ▸ New from template… (also for screenshots and tests). */
    public void newFromTemplate() {
        files.newFromTemplate();
    }

    /** Opens a file given on the command line. */
    public void openOnStart(Path file) {
        files.openRecent(file);
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label problems = new Label();
        problems.textProperty().bind(vm.problems().summaryProperty());
        problems.setMinWidth(Region.USE_PREF_SIZE);
        Label counts = new Label();
        Runnable updateCounts =
                () -> counts.setText(DesignerViewModel.count(vm.flow().nodes().size(), "node") + " · "
                        + DesignerViewModel.count(vm.flow().wires().size(), "wire"));
        vm.flowProperty().addListener((obs, o, n) -> updateCounts.run());
        updateCounts.run();
        counts.setMinWidth(Region.USE_PREF_SIZE);
        Label zoom = new Label();
        zoom.textProperty().bind(canvas.viewportProperty().map(v -> Math.round(v.scale() * 100) + "%"));
        zoom.setMinWidth(Region.USE_PREF_SIZE);
        Label run = new Label();
        run.setId("run-state");
        run.textProperty().bind(vm.run().stateProperty().map(st -> switch (st) {
            case STOPPED -> "Not running";
            case STARTING -> "Starting…";
            case RUNNING -> "● Running";
            case STOPPING -> "Stopping…";
        }));
        run.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(status, run, counts, problems, zoom);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        return bar;
    }
}
