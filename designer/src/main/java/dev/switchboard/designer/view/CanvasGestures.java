package dev.switchboard.designer.view;

import dev.switchboard.designer.model.Grid;
import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.runtime.model.Position;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;

/**
 * Mouse gestures on the canvas, each ending in one view-model call: drop from the palette
 * (add), drag nodes (one move), drag port to node (wire), click/shift-click/shift-drag (select),
 * drag empty space (pan), wheel (zoom).
 */
final class CanvasGestures {
    private final DesignerViewModel vm;
    private final CanvasView canvas;
    private final CubicCurve draft = new CubicCurve();
    private final Rectangle band = new Rectangle();
    private final Set<String> dragging = new HashSet<>();
    private final Map<String, Point2D> dragStart = new LinkedHashMap<>();
    private Point2D pressScene;
    private Point2D pressCanvas;
    private boolean moved;
    private boolean banding;

    CanvasGestures(DesignerViewModel vm, CanvasView canvas) {
        this.vm = vm;
        this.canvas = canvas;
        draft.getStyleClass().add(Styles.WIRE_DRAFT);
        draft.setMouseTransparent(true);
        band.getStyleClass().add(Styles.RUBBER_BAND);
        band.setMouseTransparent(true);
    }

    boolean isDragging(String nodeId) {
        return dragging.contains(nodeId);
    }

    void install(Pane viewport) {
        viewport.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            if (e.getGestureSource() instanceof javafx.scene.Node source
                    && source.getUserData() instanceof PaletteView.ConnectorRef ref) {
                Point2D p = canvas.toCanvas(e.getSceneX(), e.getSceneY());
                vm.addNode(ref.type(), p.getX() - 20, p.getY() - 20);
                viewport.requestFocus();
                e.consume();
            }
        });
        viewport.setOnMousePressed(e -> {
            viewport.requestFocus();
            pressScene = new Point2D(e.getSceneX(), e.getSceneY());
            pressCanvas = canvas.toCanvas(e.getSceneX(), e.getSceneY());
            moved = false;
            banding = e.isShiftDown() && e.getButton() == MouseButton.PRIMARY;
            if (banding) {
                band.setX(pressCanvas.getX());
                band.setY(pressCanvas.getY());
                band.setWidth(0);
                band.setHeight(0);
                canvas.overlay().getChildren().add(band);
            }
        });
        viewport.setOnMouseDragged(e -> {
            if (pressScene == null) {
                return;
            }
            moved = true;
            if (banding) {
                Point2D now = canvas.toCanvas(e.getSceneX(), e.getSceneY());
                band.setX(Math.min(now.getX(), pressCanvas.getX()));
                band.setY(Math.min(now.getY(), pressCanvas.getY()));
                band.setWidth(Math.abs(now.getX() - pressCanvas.getX()));
                band.setHeight(Math.abs(now.getY() - pressCanvas.getY()));
            } else {
                canvas.viewportProperty()
                        .set(canvas.viewportProperty()
                                .get()
                                .panBy(e.getSceneX() - pressScene.getX(), e.getSceneY() - pressScene.getY()));
                pressScene = new Point2D(e.getSceneX(), e.getSceneY());
            }
        });
        viewport.setOnMouseReleased(e -> {
            if (banding) {
                Rectangle2D r = new Rectangle2D(band.getX(), band.getY(), band.getWidth(), band.getHeight());
                List<String> hits = canvas.nodeViews().values().stream()
                        .filter(v -> intersects(r, v.getBoundsInParent()))
                        .map(NodeView::nodeId)
                        .toList();
                vm.selection().selectAll(hits, true);
                canvas.overlay().getChildren().remove(band);
            } else if (!moved) {
                vm.selection().clear();
            }
            pressScene = null;
            banding = false;
        });
        viewport.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                Point2D local = viewport.sceneToLocal(e.getSceneX(), e.getSceneY());
                canvas.viewportProperty()
                        .set(canvas.viewportProperty()
                                .get()
                                .zoomAt(Math.pow(1.0015, e.getDeltaY()), local.getX(), local.getY()));
                e.consume();
            }
        });
    }

    void installOnNode(NodeView v) {
        v.setOnMousePressed(e -> {
            canvas.viewport().requestFocus();
            v.toFront(); // a card being moved passes over its neighbours, not under them
            if (e.isShiftDown()) {
                vm.selection().toggle(v.nodeId());
            } else if (!vm.selection().isSelected(v.nodeId())) {
                vm.selection().select(v.nodeId());
            }
            pressScene = new Point2D(e.getSceneX(), e.getSceneY());
            moved = false;
            dragStart.clear();
            vm.selection().nodes().forEach(id -> {
                NodeView nv = canvas.nodeViews().get(id);
                if (nv != null) {
                    dragStart.put(id, new Point2D(nv.getLayoutX(), nv.getLayoutY()));
                }
            });
            e.consume();
        });
        v.setOnMouseDragged(e -> {
            if (pressScene == null || dragStart.isEmpty()) {
                return;
            }
            double s = canvas.viewportProperty().get().scale();
            double dx = (e.getSceneX() - pressScene.getX()) / s;
            double dy = (e.getSceneY() - pressScene.getY()) / s;
            moved = moved || Math.abs(dx) > 2 || Math.abs(dy) > 2;
            if (moved) {
                dragging.addAll(dragStart.keySet());
                dragStart.forEach((id, start) -> canvas.nodeViews()
                        .get(id)
                        .relocate(Grid.snap(start.getX() + dx), Grid.snap(start.getY() + dy)));
                canvas.updateWiresOf(dragStart.keySet());
            }
            e.consume();
        });
        v.setOnMouseReleased(e -> {
            if (moved && !dragStart.isEmpty()) {
                Map<String, Position> targets = new LinkedHashMap<>();
                dragStart.keySet().forEach(id -> {
                    NodeView nv = canvas.nodeViews().get(id);
                    targets.put(id, new Position(nv.getLayoutX(), nv.getLayoutY()));
                });
                dragging.clear();
                vm.moveNodes(targets);
            } else if (!moved && !e.isShiftDown()) {
                vm.selection().select(v.nodeId());
            }
            dragging.clear();
            dragStart.clear();
            pressScene = null;
            e.consume();
        });
        v.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            if (e.getGestureSource() instanceof Circle c
                    && c.getUserData() instanceof NodeView.PortRef ref
                    && ref.port() != null) {
                vm.connect(ref.nodeId(), ref.port(), v.nodeId());
                e.consume();
            }
        });
    }

    /** Gives new output port circles their wiring gesture; safe to call after every update. */
    void wirePorts(NodeView v) {
        v.addButtons().values().forEach(add -> {
            if (add.getOnMouseClicked() != null) {
                return;
            }
            add.setOnMousePressed(MouseEvent::consume);
            add.setOnMouseReleased(MouseEvent::consume);
            add.setOnMouseClicked(e -> {
                NodeView.PortRef ref = (NodeView.PortRef) add.getUserData();
                canvas.openPickerAfter(ref.nodeId(), ref.port());
                e.consume();
            });
        });
        v.outputPorts().values().forEach(port -> {
            if (port.getOnDragDetected() != null) {
                return;
            }
            port.setOnMousePressed(MouseEvent::consume);
            port.setOnDragDetected(e -> {
                port.startFullDrag();
                Point2D a = v.outputAnchor(((NodeView.PortRef) port.getUserData()).port());
                WireView.shape(draft, a, a);
                canvas.overlay().getChildren().add(draft);
                e.consume();
            });
            port.setOnMouseDragged(e -> {
                Point2D a = v.outputAnchor(((NodeView.PortRef) port.getUserData()).port());
                WireView.shape(draft, a, canvas.toCanvas(e.getSceneX(), e.getSceneY()));
                e.consume();
            });
            port.setOnMouseReleased(e -> {
                canvas.overlay().getChildren().remove(draft);
                e.consume();
            });
        });
    }

    void installOnWire(WireView wv) {
        wv.setOnMousePressed(e -> {
            canvas.viewport().requestFocus();
            vm.selection().selectWire(wv.wire(), e.isShiftDown());
            e.consume();
        });
        wv.setOnMouseReleased(MouseEvent::consume);
    }

    private static boolean intersects(Rectangle2D r, Bounds b) {
        return r.intersects(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
