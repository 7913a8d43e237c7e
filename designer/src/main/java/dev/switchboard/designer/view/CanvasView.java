package dev.switchboard.designer.view;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.designer.model.Grid;
import dev.switchboard.designer.model.Viewport;
import dev.switchboard.designer.model.WireContracts;
import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.TraceViewModel;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.validate.Problem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The flow canvas: draws the document's nodes and wires and turns mouse gestures into
 * view-model calls. It keeps one view per node and wire and reconciles them on every change, so
 * a gesture in progress never loses its node.
 */
public final class CanvasView extends StackPane {
    private final DesignerViewModel vm;
    private final Pane viewport = new Pane();
    private final Pane content = new Pane();
    private final Group wireLayer = new Group();
    private final Pane nodeLayer = new Pane();
    private final Group overlay = new Group();
    private final Label hint =
            new Label("Start a flow: double-click a trigger in the palette (or search and press Enter),\n"
                    + "then use the + beside its output to add the next step");
    private final Map<String, NodeView> nodeViews = new LinkedHashMap<>();
    private final Map<Wire, WireView> wireViews = new LinkedHashMap<>();
    /** Each node's wires (in and out), so moving or resizing one card re-routes only its own. */
    private final Map<String, List<WireView>> wiresByNode = new HashMap<>();

    private final ObjectProperty<Viewport> view = new SimpleObjectProperty<>(Viewport.IDENTITY);
    private final Translate translate = new Translate();
    private final Scale scale = new Scale();
    private final CanvasGestures gestures;
    private final CanvasMenus menus;
    private final ConnectorPicker picker;
    private final Minimap minimap;

    public CanvasView(DesignerViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Styles.CANVAS);
        setId("canvas");
        hint.getStyleClass().add(Styles.CANVAS_HINT);
        hint.setMouseTransparent(true);
        nodeLayer.setPickOnBounds(false);
        content.setPickOnBounds(false);
        content.getChildren().addAll(wireLayer, nodeLayer, overlay);
        content.getTransforms().addAll(translate, scale);
        content.setManaged(false);
        CanvasGrid grid = new CanvasGrid(view);
        grid.prefWidthProperty().bind(viewport.widthProperty());
        grid.prefHeightProperty().bind(viewport.heightProperty());
        viewport.getChildren().addAll(grid, content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        viewport.setFocusTraversable(true);
        picker = new ConnectorPicker(vm.palette());
        minimap = new Minimap(this::cardAreas, view, viewport);
        StackPane.setAlignment(minimap, javafx.geometry.Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new javafx.geometry.Insets(12));
        javafx.scene.Node loading = loadingNotice(vm);
        getChildren().addAll(viewport, hint, minimap, loading, picker);
        view.addListener((obs, old, now) -> {
            translate.setX(now.tx());
            translate.setY(now.ty());
            scale.setX(now.scale());
            scale.setY(now.scale());
            cull();
        });
        viewport.widthProperty().addListener((obs, o, n) -> cull());
        viewport.heightProperty().addListener((obs, o, n) -> cull());
        gestures = new CanvasGestures(vm, this);
        gestures.install(viewport);
        menus = new CanvasMenus(vm, this);
        menus.install();
        vm.flowProperty().addListener((obs, old, now) -> refresh());
        vm.selection().nodes().addListener((SetChangeListener<String>) c -> refresh());
        vm.selection().wires().addListener((SetChangeListener<Wire>) c -> refresh());
        vm.problems().items().addListener((ListChangeListener<Problem>) c -> refresh());
        vm.documentVersionProperty().addListener((obs, o, n) -> javafx.application.Platform.runLater(this::fitToView));
        vm.run().live().addListener((javafx.collections.MapChangeListener<
                        String, dev.switchboard.designer.viewmodel.NodeLive>)
                c -> {
                    NodeView v = nodeViews.get(c.getKey());
                    if (v != null) {
                        v.setLive(c.getValueAdded());
                    }
                });
        vm.run().trace().traceProperty().addListener((obs, o, n) -> applyTrace());
        refresh();
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return view;
    }

    Pane viewport() {
        return viewport;
    }

    Group overlay() {
        return overlay;
    }

    Map<String, NodeView> nodeViews() {
        return nodeViews;
    }

    Map<Wire, WireView> wireViews() {
        return wireViews;
    }

    Minimap minimap() {
        return minimap;
    }

    /** While a file is read and checked in the background: a spinner over the canvas, which stays usable. */
    private static javafx.scene.Node loadingNotice(DesignerViewModel vm) {
        Label text = new Label();
        text.textProperty().bind(vm.files().openingProperty().map(name -> "Opening " + name + "…"));
        javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
        spinner.setPrefSize(28, 28);
        javafx.scene.layout.HBox notice = new javafx.scene.layout.HBox(spinner, text);
        notice.getStyleClass().add(Styles.CANVAS_LOADING);
        notice.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        notice.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        notice.setId("canvas-loading");
        notice.visibleProperty().bind(vm.files().openingProperty().isNotNull());
        notice.setMouseTransparent(true);
        return notice;
    }

    /** Where each card is, in canvas coordinates (for the minimap). */
    private List<javafx.geometry.Rectangle2D> cardAreas() {
        List<javafx.geometry.Rectangle2D> areas = new java.util.ArrayList<>(nodeViews.size());
        nodeViews
                .values()
                .forEach(v -> areas.add(new javafx.geometry.Rectangle2D(
                        v.getLayoutX(), v.getLayoutY(), Math.max(1, v.getWidth()), Math.max(1, v.getHeight()))));
        return areas;
    }

    /** Hides what is off screen, switches cards to boxes when zoomed far out, redraws the minimap. */
    private void cull() {
        CanvasCulling.apply(view.get(), viewport.getWidth(), viewport.getHeight(), nodeViews, wireViews);
        minimap.redraw();
    }

    /** Scene point → canvas coordinates (undoing zoom and pan). */
    Point2D toCanvas(double sceneX, double sceneY) {
        return nodeLayer.sceneToLocal(sceneX, sceneY);
    }

    public void zoom(double factor) {
        view.set(view.get().zoomAt(factor, viewport.getWidth() / 2, viewport.getHeight() / 2));
    }

    public void resetZoom() {
        view.set(Viewport.IDENTITY);
    }

    public void fitToView() {
        if (nodeViews.isEmpty()) {
            resetZoom();
            return;
        }
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (NodeView v : nodeViews.values()) {
            Bounds b = v.getBoundsInParent();
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        view.set(Viewport.fit(minX, minY, maxX, maxY, viewport.getWidth(), viewport.getHeight()));
    }

    /** Quick add after a port: the picker opens beside it, and the pick lands right of the node, wired. */
    void openPickerAfter(String nodeId, String port) {
        NodeView v = nodeViews.get(nodeId);
        if (v == null) {
            return;
        }
        Point2D anchor = sceneToLocal(nodeLayer.localToScene(v.outputAnchor(port)));
        String from = v.nodeId() + (port.equals("out") ? "" : "." + port);
        openPicker(
                anchor.getX() + 28,
                anchor.getY() - 24,
                "Add after " + from,
                true,
                type -> vm.quickAdd().addWired(type, nodeId, port));
    }

    /** "Add node here": the pick lands where the canvas was right-clicked, unwired. */
    void openPickerAt(Point2D canvasPoint, Point2D local) {
        openPicker(
                local.getX(),
                local.getY(),
                "Add a node here",
                false,
                type -> vm.addNode(type, canvasPoint.getX(), canvasPoint.getY()));
    }

    private void openPicker(
            double x, double y, String heading, boolean withInput, java.util.function.Consumer<String> onPick) {
        double px = Math.max(4, Math.min(x, getWidth() - ConnectorPicker.WIDTH - 4));
        double py = Math.max(4, Math.min(y, getHeight() - ConnectorPicker.HEIGHT - 4));
        picker.open(px, py, heading, withInput, type -> {
            onPick.accept(type);
            viewport.requestFocus();
        });
    }

    /** Brings the views in line with the document, selection and problems. */
    void refresh() {
        Flow flow = vm.flow();
        Map<String, List<Problem>> problems = vm.problems().byNode();
        Map<String, NodeView> keep = new HashMap<>();
        Map<String, java.util.Set<String>> wiredPorts = new HashMap<>();
        flow.wires()
                .forEach(w -> wiredPorts
                        .computeIfAbsent(w.from(), k -> new java.util.HashSet<>())
                        .add(w.effectivePort()));
        int index = 0;
        List<NodeView> added = new java.util.ArrayList<>();
        for (Node node : flow.nodes()) {
            NodeView v = nodeViews.get(node.id());
            if (v == null) {
                v = new NodeView(node.id());
                String id = node.id();
                v.setOnLayout(() -> updateWiresOf(List.of(id)));
                NodeView built = v;
                v.setOnBuilt(() -> gestures.wirePorts(built));
                v.setCurl(url -> dev.switchboard.designer.model.CurlCommand.of(
                        url, methodOf(id), vm.run().inject().sampleFor(id)));
                gestures.installOnNode(v);
                menus.installOnNode(v);
                nodeViews.put(node.id(), v);
                added.add(v);
            }
            ConnectorSpec spec = vm.spec(node.type()).orElse(null);
            List<PortSpec> ports = vm.catalog()
                    .find(node.type())
                    .map((Connector c) -> c.outputs(new NodeConfig(node.config())))
                    .orElse(List.of(PortSpec.out()));
            // only errors mark the card: warnings (e.g. not wired yet) stay in the problems panel
            v.update(
                    node,
                    spec,
                    ports,
                    vm.selection().isSelected(node.id()),
                    problems.getOrDefault(node.id(), List.of()).stream()
                            .filter(Problem::isError)
                            .map(Problem::message)
                            .toList());
            gestures.wirePorts(v);
            v.markWiredPorts(wiredPorts.getOrDefault(node.id(), java.util.Set.of()));
            Position p = node.ui() != null ? node.ui() : new Position(Grid.snap(60 + 260 * index), 60);
            if (!gestures.isDragging(node.id())) {
                v.relocate(p.x(), p.y());
            }
            keep.put(node.id(), v);
            index++;
        }
        nodeLayer.getChildren().addAll(added); // in one go: one change for the scene graph, not one per card
        nodeViews.entrySet().removeIf(e -> {
            if (!keep.containsKey(e.getKey())) {
                nodeLayer.getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        wireViews.entrySet().removeIf(e -> {
            if (!flow.wires().contains(e.getKey())) {
                wireLayer.getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        List<WireView> addedWires = new java.util.ArrayList<>();
        Map<Wire, List<WireContracts.WireContract>> contracts = WireContracts.of(flow, this::isTrigger);
        wiresByNode.clear();
        for (Wire w : flow.wires()) {
            WireView wv = wireViews.computeIfAbsent(w, k -> {
                WireView created = new WireView(k);
                gestures.installOnWire(created);
                menus.installOnWire(created);
                addedWires.add(created);
                return created;
            });
            wv.setSelected(vm.selection().wires().contains(w));
            wv.setContracts(contracts.getOrDefault(w, List.of()));
            wiresByNode
                    .computeIfAbsent(w.from(), k -> new java.util.ArrayList<>())
                    .add(wv);
            wiresByNode
                    .computeIfAbsent(w.to(), k -> new java.util.ArrayList<>())
                    .add(wv);
        }
        wireLayer.getChildren().addAll(addedWires);
        nodeViews.forEach((id, v) -> v.setLive(vm.run().live().get(id)));
        applyTrace();
        hint.setVisible(flow.nodes().isEmpty());
        cull(); // builds the cards now on screen, before their size is needed
        nodeLayer.applyCss(); // new cards need their size now, so wires can find their ports
        nodeLayer.layout();
        updateWires();
        minimap.redraw();
    }

    private boolean isTrigger(Node node) {
        return vm.spec(node.type()).map(s -> s.kind() == ConnectorKind.TRIGGER).orElse(false);
    }

    private String methodOf(String nodeId) {
        return vm.flow()
                .node(nodeId)
                .map(n -> n.config().values().get("method"))
                .filter(dev.switchboard.connector.spi.config.ConfigValue.Text.class::isInstance)
                .map(m -> ((dev.switchboard.connector.spi.config.ConfigValue.Text) m).value())
                .orElse("POST");
    }

    /** Highlights the traced event's path: its nodes numbered in order, the wires it took; the rest dimmed. */
    private void applyTrace() {
        TraceViewModel.Trace trace = vm.run().trace().traceProperty().get();
        nodeViews.forEach(
                (id, v) -> v.setTraceStep(trace == null ? -1 : trace.path().indexOf(id) + 1));
        wireViews.forEach(
                (w, wv) -> wv.setTraced(trace == null ? null : trace.tookWire(w.from(), w.effectivePort(), w.to())));
    }

    /** Re-routes every wire to its ports' current positions. */
    void updateWires() {
        wireViews.values().forEach(this::route);
    }

    /**
     * Re-routes only the wires of these nodes (a dragged or resized card): with a thousand cards,
     * routing every wire on each mouse move or card layout was what made dragging lag.
     */
    void updateWiresOf(java.util.Collection<String> nodeIds) {
        for (String id : nodeIds) {
            for (WireView wv : wiresByNode.getOrDefault(id, List.of())) {
                route(wv);
                if (!wv.isVisible()
                        && nodeViews.containsKey(wv.wire().from())
                        && nodeViews.containsKey(wv.wire().to())) {
                    wv.setVisible(true); // a card moved into view brings its wires, even from off screen
                }
            }
        }
    }

    private void route(WireView wv) {
        Wire w = wv.wire();
        NodeView from = nodeViews.get(w.from());
        NodeView to = nodeViews.get(w.to());
        if (from != null && to != null) {
            wv.connect(from.outputAnchor(w.effectivePort()), to.inputAnchor(), from.cardBounds(), to.cardBounds());
        } else {
            wv.setVisible(false);
        }
    }
}
