package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.RunViewModel;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;

/** Menu bar and toolbar; every item calls one view-model or file action. */
final class MainMenu {
    private final DesignerViewModel vm;
    private final FileActions files;
    private final CanvasView canvas;
    private final Menu recent = new Menu("Open recent");

    MainMenu(DesignerViewModel vm, FileActions files, CanvasView canvas) {
        this.vm = vm;
        this.files = files;
        this.canvas = canvas;
    }

    MenuBar menuBar() {
        Menu file = new Menu(
                "File",
                null,
                item("New", Feather.FILE, shortcut(KeyCode.N), files::newFlow),
                item(
                        "New from template…",
                        Feather.GRID,
                        shortcut(KeyCode.N, KeyCombination.SHIFT_DOWN),
                        files::newFromTemplate),
                item("Open…", Feather.FOLDER, shortcut(KeyCode.O), files::open),
                recent,
                new SeparatorMenuItem(),
                item("Save", Feather.SAVE, shortcut(KeyCode.S), files::save),
                item("Save as…", null, shortcut(KeyCode.S, KeyCombination.SHIFT_DOWN), files::saveAs),
                item("Export…", Feather.PACKAGE, shortcut(KeyCode.E), files::export),
                submenu(
                        "Export",
                        "menu-export",
                        item("Camel YAML…", Feather.FILE_TEXT, null, files.interchange::exportCamelYaml)),
                submenu(
                        "Import",
                        "menu-import",
                        item("Node-RED flow…", Feather.DOWNLOAD, null, files.interchange::importNodeRed)),
                item("Deploy to runtime…", Feather.UPLOAD_CLOUD, null, files::deploy));
        file.setId("menu-file");
        vm.files().recent().addListener((ListChangeListener<Path>) c -> renderRecent());
        renderRecent();

        MenuItem undo =
                item("Undo", Feather.ROTATE_CCW, shortcut(KeyCode.Z), textAware(vm::undo, TextInputControl::undo));
        undo.textProperty().bind(vm.history().undoTextProperty());
        undo.disableProperty().bind(vm.history().canUndoProperty().not());
        MenuItem redo =
                item("Redo", Feather.ROTATE_CW, shortcut(KeyCode.Y), textAware(vm::redo, TextInputControl::redo));
        redo.textProperty().bind(vm.history().redoTextProperty());
        redo.disableProperty().bind(vm.history().canRedoProperty().not());
        MenuItem delete = item(
                "Delete",
                Feather.TRASH_2,
                new KeyCodeCombination(KeyCode.DELETE),
                textAware(vm::deleteSelection, TextInputControl::deleteNextChar));
        Menu edit = new Menu(
                "Edit",
                null,
                undo,
                redo,
                new SeparatorMenuItem(),
                item("Cut", Feather.SCISSORS, shortcut(KeyCode.X), textAware(vm::cut, TextInputControl::cut)),
                item("Copy", Feather.COPY, shortcut(KeyCode.C), textAware(vm::copy, TextInputControl::copy)),
                item("Paste", Feather.CLIPBOARD, shortcut(KeyCode.V), textAware(vm::paste, TextInputControl::paste)),
                item("Duplicate", Feather.LAYERS, shortcut(KeyCode.D), textAware(vm::duplicate, t -> {})),
                delete,
                new SeparatorMenuItem(),
                item("Select all", null, shortcut(KeyCode.A), textAware(vm::selectAll, TextInputControl::selectAll)));

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark");
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        Menu view = new Menu(
                "View",
                null,
                item("Zoom in", Feather.ZOOM_IN, shortcut(KeyCode.EQUALS), () -> canvas.zoom(1.2)),
                item("Zoom out", Feather.ZOOM_OUT, shortcut(KeyCode.MINUS), () -> canvas.zoom(1 / 1.2)),
                item("Actual size", null, shortcut(KeyCode.DIGIT0), canvas::resetZoom),
                item(
                        "Fit to view",
                        Feather.MAXIMIZE,
                        shortcut(KeyCode.F, KeyCombination.SHIFT_DOWN),
                        canvas::fitToView),
                new SeparatorMenuItem(),
                item("Auto-layout", Feather.SHARE_2, shortcut(KeyCode.L, KeyCombination.SHIFT_DOWN), vm::autoLayout),
                new SeparatorMenuItem(),
                dark);
        MenuItem runItem = item("Run", Feather.PLAY, new KeyCodeCombination(KeyCode.F5), vm.run()::run);
        runItem.disableProperty().bind(busy());
        MenuItem stopItem = item(
                "Stop",
                Feather.STOP_CIRCLE,
                new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN),
                vm.run()::stop);
        stopItem.disableProperty().bind(vm.run().runningProperty().not());
        Menu run = new Menu(
                "Run",
                null,
                runItem,
                stopItem,
                new SeparatorMenuItem(),
                item("Reset counters", Feather.REFRESH_CCW, null, vm.run()::resetCounters),
                item("Clear messages", Feather.X_CIRCLE, null, vm.run()::clearMessages),
                item("Clear trace", Feather.X, null, vm.run().trace()::clear));
        run.setId("menu-run");
        return new MenuBar(file, edit, view, run);
    }

    ToolBar toolBar() {
        Button undo = button(Feather.ROTATE_CCW, "Undo (Ctrl+Z)", vm::undo, "tool-undo");
        undo.disableProperty().bind(vm.history().canUndoProperty().not());
        Button redo = button(Feather.ROTATE_CW, "Redo (Ctrl+Y)", vm::redo, "tool-redo");
        redo.disableProperty().bind(vm.history().canRedoProperty().not());
        Button delete = button(Feather.TRASH_2, "Delete selection (Delete)", vm::deleteSelection, "tool-delete");
        delete.disableProperty()
                .bind(Bindings.isEmpty(vm.selection().nodes())
                        .and(Bindings.isEmpty(vm.selection().wires())));
        return new ToolBar(
                button(Feather.FILE_PLUS, "New flow (Ctrl+N)", files::newFlow, "tool-new"),
                button(Feather.GRID, "New from template…", files::newFromTemplate, "tool-template"),
                button(Feather.FOLDER, "Open… (Ctrl+O)", files::open, "tool-open"),
                button(Feather.SAVE, "Save (Ctrl+S)", files::save, "tool-save"),
                button(Feather.PACKAGE, "Export for the headless runtime…", files::export, "tool-export"),
                new Separator(Orientation.VERTICAL),
                undo,
                redo,
                delete,
                new Separator(Orientation.VERTICAL),
                button(Feather.ZOOM_IN, "Zoom in", () -> canvas.zoom(1.2), "tool-zoom-in"),
                button(Feather.ZOOM_OUT, "Zoom out", () -> canvas.zoom(1 / 1.2), "tool-zoom-out"),
                button(Feather.MAXIMIZE, "Fit to view", canvas::fitToView, "tool-fit"),
                button(Feather.SHARE_2, "Auto-layout left to right", vm::autoLayout, "tool-layout"),
                new Separator(Orientation.VERTICAL),
                runButton(),
                stopButton());
    }

    /** Run (or redeploy the open flow into the running session): accented and named, as the main action. */
    private Button runButton() {
        Button run = button(
                Feather.PLAY,
                "Run this flow in the designer (F5); while running, deploys your edits",
                vm.run()::run,
                "tool-run");
        run.setText("Run");
        run.getStyleClass().remove("flat");
        run.getStyleClass().add(Styles.RUN_BUTTON);
        run.disableProperty().bind(busy());
        return run;
    }

    private Button stopButton() {
        Button stop = button(Feather.STOP_CIRCLE, "Stop every running flow (Shift+F5)", vm.run()::stop, "tool-stop");
        stop.setText("Stop");
        stop.disableProperty().bind(vm.run().runningProperty().not());
        return stop;
    }

    private javafx.beans.binding.BooleanBinding busy() {
        return Bindings.createBooleanBinding(
                () -> vm.run().stateProperty().get() == RunViewModel.State.STARTING
                        || vm.run().stateProperty().get() == RunViewModel.State.STOPPING,
                vm.run().stateProperty());
    }

    private void renderRecent() {
        recent.getItems().clear();
        for (Path p : vm.files().recent()) {
            MenuItem i = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            i.setOnAction(e -> files.openRecent(p));
            recent.getItems().add(i);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    /**
     * Edit shortcuts act on the text being typed when a text field has the focus: menu
     * accelerators see the key first, and deleting a node while editing its URL would be a nasty surprise.
     */
    private Runnable textAware(Runnable canvasAction, java.util.function.Consumer<TextInputControl> textAction) {
        return () -> {
            javafx.scene.Node focus =
                    canvas.getScene() == null ? null : canvas.getScene().getFocusOwner();
            if (focus instanceof TextInputControl text) {
                textAction.accept(text);
            } else if (focus instanceof javafx.scene.control.ComboBox<?> combo && combo.isEditable()) {
                textAction.accept(combo.getEditor());
            } else {
                canvasAction.run();
            }
        };
    }

    private static KeyCombination shortcut(KeyCode code, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] mods = new KeyCombination.Modifier[more.length + 1];
        mods[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, mods, 1, more.length);
        return new KeyCodeCombination(code, mods);
    }

    private static Menu submenu(String text, String id, MenuItem... items) {
        Menu menu = new Menu(text, null, items);
        menu.setId(id);
        return menu;
    }

    private static MenuItem item(String text, Feather icon, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : Icons.of(icon));
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button button(Feather icon, String tooltip, Runnable action, String id) {
        Button b = new Button(null, Icons.of(icon));
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        b.setId(id);
        b.getStyleClass().add("flat");
        return b;
    }
}
