package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DesignerViewModel;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.kordamp.ikonli.feather.Feather;

/** The right-click menus of the canvas: on empty space, on a node and on a wire. */
final class CanvasMenus {
    private final DesignerViewModel vm;
    private final CanvasView canvas;
    private ContextMenu showing;

    CanvasMenus(DesignerViewModel vm, CanvasView canvas) {
        this.vm = vm;
        this.canvas = canvas;
    }

    void install() {
        onSecondaryClick(canvas.viewport(), e -> {
            Point2D at = canvas.toCanvas(e.getSceneX(), e.getSceneY());
            Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            show(
                    menu(
                            "canvas-menu",
                            item("menu-add-here", "Add node here…", Feather.PLUS, () -> canvas.openPickerAt(at, local)),
                            item("menu-paste", "Paste", Feather.CLIPBOARD, vm::paste),
                            item("menu-fit", "Fit to view", Feather.MAXIMIZE, canvas::fitToView)),
                    e.getScreenX(),
                    e.getScreenY());
            e.consume();
        });
    }

    void installOnNode(NodeView v) {
        onSecondaryClick(v, e -> {
            if (!vm.selection().isSelected(v.nodeId())) {
                vm.selection().select(v.nodeId());
            }
            String id = v.nodeId();
            ContextMenu menu = menu(
                    "node-menu",
                    item(
                            "menu-add-after",
                            "Add after…",
                            Feather.PLUS,
                            () -> vm.flow()
                                    .node(id)
                                    .flatMap(n -> vm.quickAdd().outputPorts(n).stream()
                                            .findFirst())
                                    .ifPresent(port -> canvas.openPickerAfter(id, port))),
                    item("menu-duplicate", "Duplicate", Feather.COPY, vm::duplicate),
                    item(
                            "menu-disconnect",
                            "Disconnect",
                            Feather.SCISSORS,
                            () -> vm.quickAdd().disconnect(id)),
                    new SeparatorMenuItem(),
                    item("menu-delete", "Delete", Feather.TRASH_2, vm::deleteSelection));
            show(menu, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    void installOnWire(WireView wv) {
        onSecondaryClick(wv, e -> {
            vm.selection().selectWire(wv.wire(), false);
            show(
                    menu("wire-menu", item("menu-delete-wire", "Delete wire", Feather.TRASH_2, vm::deleteSelection)),
                    e.getScreenX(),
                    e.getScreenY());
            e.consume();
        });
    }

    /**
     * A right click (press and release without a drag) rather than a context-menu request: the
     * same on every platform, and a right-drag stays a pan.
     */
    private static void onSecondaryClick(javafx.scene.Node target, javafx.event.EventHandler<MouseEvent> handler) {
        target.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && e.isStillSincePress()) {
                handler.handle(e);
            }
        });
    }

    private void show(ContextMenu menu, double screenX, double screenY) {
        if (showing != null) {
            showing.hide();
        }
        showing = menu;
        menu.show(canvas, screenX, screenY);
    }

    private static ContextMenu menu(String id, javafx.scene.control.MenuItem... items) {
        ContextMenu menu = new ContextMenu(items);
        menu.setId(id);
        return menu;
    }

    private static MenuItem item(String id, String text, Feather icon, Runnable action) {
        MenuItem item = new MenuItem(text, Icons.of(icon));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
