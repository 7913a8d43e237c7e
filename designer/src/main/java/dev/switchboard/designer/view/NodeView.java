package dev.switchboard.designer.view;

import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.runtime.model.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One node on the canvas: a card with icon, name, type and one row per output port. Ports are
 * circles on the card's edges, placed after layout so they straddle the border.
 *
 * <p>A card starts as a plain box and builds its content (labels, ports, live strip: a dozen
 * styled controls) only when first shown in detail: opening a thousand-node flow then styles
 * only the cards on screen, not a thousand of them.
 */
final class NodeView extends Region {
    static final double PORT_RADIUS = 7;
    static final double CARD_WIDTH = 220;
    /** The height assumed for a card whose content is not built yet. */
    static final double ESTIMATED_HEIGHT = 96;

    /** What a port circle carries as user data, so drop targets know where a wire starts. */
    record PortRef(String nodeId, String port) {}

    private final String nodeId;
    private final Region shadow = new Region();
    /** What stands for the card when zoomed far out: a coloured box, no text, no shadow. */
    private final Region box = new Region();

    private boolean detailed;
    private boolean built;
    private final VBox body = new VBox();
    private final HBox header = new HBox();
    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label type = new Label();
    private final NodeMarks marks;

    private final VBox portRows = new VBox();
    private NodeLiveStrip live;
    private java.util.function.Function<String, String> curlFor;
    private dev.switchboard.designer.viewmodel.NodeLive liveState;
    private int traceStep = -1;
    private Node shownNode;
    private ConnectorSpec shownSpec;
    private List<PortSpec> shownPorts = List.of();
    private List<String> shownProblems = List.of();
    private Runnable onBuilt = () -> {};
    private Circle input;
    private final Map<String, Circle> outputs = new LinkedHashMap<>();
    private final Map<String, Region> outputRows = new LinkedHashMap<>();
    private final Map<String, Label> addButtons = new LinkedHashMap<>();
    private Runnable onLayout = () -> {};

    NodeView(String nodeId) {
        this.nodeId = nodeId;
        this.marks = new NodeMarks(nodeId);
        getStyleClass().add(Styles.FLOW_NODE);
        box.getStyleClass().add(Styles.NODE_BOX);
        getChildren().add(box);
        setId("node-" + nodeId);
    }

    /** Builds the card's content, once, the first time it is shown in detail. */
    private void build() {
        built = true;
        header.getStyleClass().add(Styles.NODE_HEADER);
        header.setAlignment(Pos.CENTER_LEFT);
        icon.getStyleClass().add(Styles.NODE_ICON);
        title.getStyleClass().add(Styles.NODE_TITLE);
        type.getStyleClass().add(Styles.NODE_TYPE);
        for (Label l : List.of(title, type)) {
            l.setMinWidth(Region.USE_PREF_SIZE); // labels grow the card, never get clipped
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header.getChildren().addAll(icon, title, spacer, marks.badge());
        live = new NodeLiveStrip(nodeId);
        if (curlFor != null) {
            live.setCurl(curlFor);
        }
        body.getChildren().addAll(header, type, marks.contract(), live.urls(), portRows, live.counters());
        body.getStyleClass().add(Styles.NODE_CARD);
        shadow.getStyleClass().add(Styles.NODE_SHADOW);
        shadow.setCache(true);
        shadow.setMouseTransparent(true);
        getChildren().addAll(0, List.of(shadow, body));
        if (shownNode != null) {
            showContent();
        }
        live.show(liveState);
        live.showTraceStep(traceStep);
        requestLayout();
        onBuilt.run();
    }

    /** Called once the content (and so the ports) exist, e.g. to give the ports their gestures. */
    void setOnBuilt(Runnable onBuilt) {
        this.onBuilt = onBuilt;
    }

    boolean isBuilt() {
        return built;
    }

    String nodeId() {
        return nodeId;
    }

    void setCurl(java.util.function.Function<String, String> curlFor) {
        this.curlFor = curlFor;
        if (live != null) {
            live.setCurl(curlFor);
        }
    }

    /** Live state while the flow runs; null hides it. */
    void setLive(dev.switchboard.designer.viewmodel.NodeLive state) {
        liveState = state;
        if (live != null) {
            live.show(state);
        }
    }

    /**
     * Marks the card for a trace: {@code step} is its 1-based place on the traced path, 0 when the
     * event did not pass it (dimmed), -1 when nothing is traced.
     */
    void setTraceStep(int step) {
        toggle(Styles.TRACED, step > 0);
        toggle(Styles.UNTRACED, step == 0);
        traceStep = step;
        if (live != null) {
            live.showTraceStep(step);
        }
    }

    /**
     * Full card, or (zoomed far out, where text is unreadable anyway) a plain box of the same size:
     * the box costs a fraction of the card to draw, which is what keeps a thousand cards smooth.
     */
    void setDetailed(boolean detailed) {
        if (detailed == this.detailed) {
            return;
        }
        this.detailed = detailed;
        if (detailed && !built) {
            build();
        }
        body.setVisible(detailed);
        shadow.setVisible(detailed);
        box.setVisible(!detailed);
        if (input != null) {
            input.setVisible(detailed);
        }
        outputs.values().forEach(c -> c.setVisible(detailed));
        addButtons.values().forEach(a -> a.setVisible(detailed));
    }

    boolean isDetailed() {
        return detailed;
    }

    void setOnLayout(Runnable onLayout) {
        this.onLayout = onLayout;
    }

    void update(Node node, ConnectorSpec spec, List<PortSpec> ports, boolean selected, List<String> problems) {
        // set only what changed: style class and tooltip churn re-runs CSS on every keystroke
        ConnectorKind kind = spec == null ? ConnectorKind.STEP : spec.kind();
        String kindClass = Styles.KIND_PREFIX + kind.name().toLowerCase(Locale.ROOT);
        if (!getStyleClass().contains(kindClass)) {
            getStyleClass().removeIf(c -> c.startsWith(Styles.KIND_PREFIX));
            getStyleClass().add(kindClass);
        }
        toggle(Styles.SELECTED, selected);
        toggle(Styles.HAS_PROBLEMS, !problems.isEmpty());
        toggle(Styles.NODE_DISABLED, node.disabled());
        shownNode = node;
        shownSpec = spec;
        shownPorts = ports;
        shownProblems = problems;
        if (built) {
            showContent();
        }
    }

    private void showContent() {
        Node node = shownNode;
        ConnectorSpec spec = shownSpec;
        NodeMarks.setIfChanged(title, node.displayName());
        NodeMarks.setIfChanged(
                type,
                (spec == null ? node.type() + " (unknown connector)" : spec.title() + " · " + node.type())
                        + (node.disabled() ? " · disabled" : ""));
        marks.show(node.contract(), shownProblems);
        org.kordamp.ikonli.feather.Feather code =
                spec == null ? org.kordamp.ikonli.feather.Feather.HELP_CIRCLE : Icons.resolve(spec.icon());
        if (code != icon.getIconCode()) {
            icon.setIconCode(code);
        }
        updatePorts(node.id(), spec == null || spec.hasInput(), shownPorts);
    }

    /**
     * Marks the "+" of ports that already have a wire: those show only while the card is hovered
     * or selected, so they do not sit on top of every wire.
     */
    void markWiredPorts(java.util.Set<String> wired) {
        addButtons.forEach((port, add) -> {
            boolean on = wired.contains(port);
            if (on != add.getStyleClass().contains(Styles.WIRED)) {
                if (on) {
                    add.getStyleClass().add(Styles.WIRED);
                } else {
                    add.getStyleClass().remove(Styles.WIRED);
                }
            }
        });
    }

    private void updatePorts(String id, boolean hasInput, List<PortSpec> ports) {
        if (hasInput && input == null) {
            input = port(Styles.PORT_IN, new PortRef(id, null));
            getChildren().add(input);
        } else if (!hasInput && input != null) {
            getChildren().remove(input);
            input = null;
        }
        List<String> names = ports.stream().map(PortSpec::name).toList();
        if (names.equals(List.copyOf(outputs.keySet()))) {
            return;
        }
        getChildren().removeAll(outputs.values());
        getChildren().removeAll(addButtons.values());
        outputs.clear();
        outputRows.clear();
        addButtons.clear();
        portRows.getChildren().clear();
        for (PortSpec p : ports) {
            Label label = new Label(p.title());
            label.getStyleClass().add(Styles.PORT_LABEL);
            label.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(label);
            row.getStyleClass().add(Styles.PORT_ROW);
            row.setAlignment(Pos.CENTER_RIGHT);
            if (!p.description().isEmpty()) {
                Tooltip.install(row, new Tooltip(p.description()));
            }
            portRows.getChildren().add(row);
            Circle c = port(Styles.PORT_OUT, new PortRef(id, p.name()));
            c.setId("port-" + id + "-" + p.name());
            if (PortSpec.ERROR.equals(p.name())) {
                c.getStyleClass().add("error-port");
            }
            outputs.put(p.name(), c);
            outputRows.put(p.name(), row);
            Label add = new Label("+");
            add.getStyleClass().add(Styles.PORT_ADD);
            add.setId("add-" + id + "-" + p.name());
            add.setManaged(false);
            add.setVisible(detailed);
            add.setUserData(new PortRef(id, p.name()));
            Tooltip.install(add, new Tooltip("Add a connector after " + p.title() + " and wire it"));
            addButtons.put(p.name(), add);
            getChildren().addAll(c, add);
        }
        requestLayout();
    }

    private Circle port(String styleClass, PortRef ref) {
        Circle c = new Circle(PORT_RADIUS);
        c.setVisible(detailed);
        c.getStyleClass().addAll(Styles.PORT, styleClass);
        c.setManaged(false);
        c.setUserData(ref);
        return c;
    }

    Map<String, Circle> outputPorts() {
        return outputs;
    }

    /** The "+" beside each output port: quick add after that port. */
    Map<String, Label> addButtons() {
        return addButtons;
    }

    Optional<Circle> inputPort() {
        return Optional.ofNullable(input);
    }

    /** Centre of an output port in canvas coordinates. */
    Point2D outputAnchor(String port) {
        Circle c = outputs.get(port);
        if (c == null) {
            return new Point2D(getLayoutX() + getWidth(), getLayoutY() + getHeight() / 2);
        }
        return new Point2D(getLayoutX() + c.getLayoutX(), getLayoutY() + c.getLayoutY());
    }

    /** Where the card is on the canvas, without its ports sticking out. */
    javafx.geometry.Bounds cardBounds() {
        return new javafx.geometry.BoundingBox(getLayoutX(), getLayoutY(), getWidth(), getHeight());
    }

    Point2D inputAnchor() {
        double y = input == null ? getHeight() / 2 : input.getLayoutY();
        return new Point2D(getLayoutX(), getLayoutY() + y);
    }

    private void toggle(String styleClass, boolean on) {
        if (on && !getStyleClass().contains(styleClass)) {
            getStyleClass().add(styleClass);
        } else if (!on && getStyleClass().contains(styleClass)) {
            getStyleClass().remove(styleClass);
        }
    }

    /**
     * One width for every card, wider only for a long name or port label: live counters and URLs
     * wrap inside it, so a busy node does not grow over its neighbours while the flow runs.
     */
    @Override
    protected double computePrefWidth(double height) {
        if (!built) {
            return CARD_WIDTH;
        }
        javafx.geometry.Insets pad = body.getInsets();
        double content = Math.max(header.prefWidth(-1), Math.max(type.prefWidth(-1), portRows.prefWidth(-1)));
        return Math.max(CARD_WIDTH, content + pad.getLeft() + pad.getRight());
    }

    @Override
    protected double computePrefHeight(double width) {
        return built ? body.prefHeight(width) : ESTIMATED_HEIGHT;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        box.resizeRelocate(0, 0, w, getHeight());
        if (!built) {
            onLayout.run();
            return;
        }
        shadow.resizeRelocate(0, 0, w, getHeight());
        body.resizeRelocate(0, 0, w, getHeight());
        body.layout();
        if (input != null) {
            input.setLayoutX(0);
            input.setLayoutY(header.getBoundsInParent().getCenterY());
        }
        outputs.forEach((name, c) -> {
            Region row = outputRows.get(name);
            c.setLayoutX(w);
            c.setLayoutY(portRows.getBoundsInParent().getMinY()
                    + row.getBoundsInParent().getCenterY());
            Label add = addButtons.get(name);
            add.autosize();
            add.relocate(w + PORT_RADIUS + 6, c.getLayoutY() - add.getHeight() / 2);
        });
        onLayout.run();
    }
}
