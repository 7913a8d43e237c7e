package dev.switchboard.designer.view;

import dev.switchboard.runtime.model.Wire;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurve;

/** A wire as a smooth curve, with a wider invisible twin that makes it easy to click. */
final class WireView extends Group {
    private final Wire wire;
    private final CubicCurve line = new CubicCurve();
    private final CubicCurve hit = new CubicCurve();

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

    void connect(Point2D a, Point2D b) {
        shape(line, a, b);
        shape(hit, a, b);
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
