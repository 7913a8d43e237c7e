package dev.switchboard.designer.view;

import dev.switchboard.designer.model.WireContracts;
import dev.switchboard.designer.model.WireContracts.WireContract;
import dev.switchboard.runtime.model.Wire;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.CubicCurve;

/**
 * A wire as a smooth curve, with a wider invisible twin that makes it easy to click, and — when
 * its events are checked against a data contract — a small label naming the contract.
 */
final class WireView extends Group {
    /** Room kept free beside a card for the "+" of its output port, so the label never sits under it. */
    private static final double PORT_ROOM = 28;
    /** Space between a label lifted above the cards and their tops. */
    private static final double LIFT_GAP = 4;

    private final Wire wire;
    private final CubicCurve line = new CubicCurve();
    private final CubicCurve hit = new CubicCurve();
    private List<WireContract> contracts = List.of();
    /** Made only for a wire with a contract: most wires never pay for a label. */
    private Label contractLabel;

    private Tooltip contractTip;
    private boolean detailed = true;
    private Bounds fromCard;
    private Bounds toCard;

    WireView(Wire wire) {
        this.wire = wire;
        line.getStyleClass().add(Styles.WIRE);
        hit.getStyleClass().add(Styles.WIRE_HIT);
        line.setMouseTransparent(true);
        getChildren().addAll(hit, line);
        setId("wire-" + wire.from() + "-" + wire.effectivePort() + "-" + wire.to());
    }

    Wire wire() {
        return wire;
    }

    void setSelected(boolean selected) {
        if (selected != line.getStyleClass().contains(Styles.SELECTED)) {
            if (selected) {
                line.getStyleClass().add(Styles.SELECTED);
            } else {
                line.getStyleClass().remove(Styles.SELECTED);
            }
        }
    }

    /** Trace marking: true on the traced path, false off it (dimmed), null when nothing is traced. */
    void setTraced(Boolean traced) {
        line.getStyleClass().removeAll(Styles.TRACED, Styles.UNTRACED);
        if (traced != null) {
            line.getStyleClass().add(traced ? Styles.TRACED : Styles.UNTRACED);
        }
    }

    boolean isTraced() {
        return line.getStyleClass().contains(Styles.TRACED);
    }

    /**
     * Shows the contracts the wire's events are checked against; none removes the label. Called on
     * every document change (an undo included), so it does nothing when they did not change.
     */
    void setContracts(List<WireContract> now) {
        if (now.equals(contracts)) {
            return;
        }
        contracts = now;
        if (now.isEmpty()) {
            if (contractLabel != null) {
                getChildren().remove(contractLabel);
                contractLabel = null;
                contractTip = null;
            }
            return;
        }
        if (contractLabel == null) {
            contractLabel = new Label();
            contractLabel.getStyleClass().add(Styles.WIRE_CONTRACT);
            contractLabel.setGraphic(Icons.of(org.kordamp.ikonli.feather.Feather.SHIELD));
            contractLabel.setId("wire-contract-" + wire.from() + "-" + wire.effectivePort() + "-" + wire.to());
            contractLabel.setVisible(detailed);
            contractTip = new Tooltip();
            contractLabel.setTooltip(contractTip);
            // its size is known only once styled: place it again then
            contractLabel.layoutBoundsProperty().addListener((obs, o, n) -> placeLabel());
            getChildren().add(contractLabel);
        }
        contractLabel.setText(WireContracts.label(now));
        contractTip.setText(WireContracts.describe(now));
        placeLabel();
    }

    List<WireContract> contracts() {
        return contracts;
    }

    /** The contract label, if the wire has one. */
    java.util.Optional<Label> contractLabel() {
        return java.util.Optional.ofNullable(contractLabel);
    }

    /** Zoomed far out the label could not be read: it is hidden with the cards' text. */
    void setDetailed(boolean now) {
        if (now == detailed) {
            return;
        }
        detailed = now;
        if (contractLabel != null) {
            contractLabel.setVisible(now);
        }
    }

    void connect(Point2D a, Point2D b) {
        shape(line, a, b);
        shape(hit, a, b);
        placeLabel();
    }

    /** As {@link #connect(Point2D, Point2D)}, knowing the cards at both ends so the label keeps clear of them. */
    void connect(Point2D a, Point2D b, Bounds from, Bounds to) {
        fromCard = from;
        toCard = to;
        connect(a, b);
    }

    /**
     * On the middle of the curve, where the wire is between its cards; when the cards stand too
     * close for that (the label would hide under one, or under the source's "+"), just above the
     * higher card's top over the middle, still centred on the wire.
     */
    private void placeLabel() {
        if (contractLabel == null) {
            return;
        }
        Bounds size = contractLabel.getLayoutBounds();
        double w = size.getWidth();
        double h = size.getHeight();
        Point2D middle = middle();
        double midY = middle.getY();
        double x = middle.getX() - w / 2;
        double y = midY - h / 2;
        if (blocked(fromCard, x - PORT_ROOM, y, w + PORT_ROOM, h) || blocked(toCard, x, y, w, h)) {
            double top =
                    Math.min(fromCard == null ? midY : fromCard.getMinY(), toCard == null ? midY : toCard.getMinY());
            y = top - LIFT_GAP - h;
        }
        contractLabel.relocate(x, y);
    }

    /** The curve's point at t = 1/2. */
    Point2D middle() {
        return new Point2D(
                (line.getStartX() + 3 * line.getControlX1() + 3 * line.getControlX2() + line.getEndX()) / 8,
                (line.getStartY() + 3 * line.getControlY1() + 3 * line.getControlY2() + line.getEndY()) / 8);
    }

    private static boolean blocked(Bounds card, double x, double y, double w, double h) {
        return card != null && card.intersects(x, y, w, h);
    }

    double endX() {
        return line.getEndX();
    }

    double endY() {
        return line.getEndY();
    }

    static void shape(CubicCurve c, Point2D a, Point2D b) {
        double dx = Math.max(40, Math.abs(b.getX() - a.getX()) / 2);
        c.setStartX(a.getX());
        c.setStartY(a.getY());
        c.setControlX1(a.getX() + dx);
        c.setControlY1(a.getY());
        c.setControlX2(b.getX() - dx);
        c.setControlY2(b.getY());
        c.setEndX(b.getX());
        c.setEndY(b.getY());
    }
}
