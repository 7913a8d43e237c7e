package dev.switchboard.designer.view;

import dev.switchboard.designer.model.Viewport;
import dev.switchboard.runtime.model.Wire;
import java.util.Map;
import javafx.geometry.Rectangle2D;

/**
 * Keeps the canvas cheap to draw at any size: cards and wires wholly outside the visible part of
 * the canvas are hidden (JavaFX still walks hidden nodes, but does not draw them), and below
 * {@link #DETAIL_SCALE} cards become plain boxes and wires lose their contract labels, as their
 * text could not be read anyway.
 */
final class CanvasCulling {
    /** The zoom below which cards are drawn as boxes without text. */
    static final double DETAIL_SCALE = 0.4;
    /** Screen pixels around the view that still count as visible, so a pan shows no pop-in at the edges. */
    private static final double MARGIN = 80;

    private CanvasCulling() {}

    /** The canvas rectangle a view of {@code width}×{@code height} shows, with the margin. */
    static Rectangle2D visibleArea(Viewport v, double width, double height) {
        double m = MARGIN / v.scale();
        return new Rectangle2D(
                v.toCanvasX(0) - m, v.toCanvasY(0) - m, width / v.scale() + 2 * m, height / v.scale() + 2 * m);
    }

    static void apply(Viewport v, double width, double height, Map<String, NodeView> nodes, Map<Wire, WireView> wires) {
        if (width <= 0 || height <= 0) {
            return; // not laid out yet: nothing is known to be off screen
        }
        Rectangle2D area = visibleArea(v, width, height);
        boolean detailed = v.scale() >= DETAIL_SCALE;
        nodes.values().forEach(n -> {
            boolean visible = area.intersects(n.getLayoutX(), n.getLayoutY(), width(n), height(n));
            show(n, visible);
            if (visible) { // a card off screen keeps its look, so it is never built just to be hidden
                n.setDetailed(detailed);
            }
        });
        wires.forEach((w, wv) -> {
            NodeView from = nodes.get(w.from());
            NodeView to = nodes.get(w.to());
            show(wv, from != null && to != null && intersectsSpan(area, from, to));
            // a contract label is text, hidden with the cards' text; set off screen too, as a dragged card can bring
            // its wire back into view without a cull
            wv.setDetailed(detailed);
        });
    }

    /** Whether the rectangle spanning both cards (which holds the wire between them) is in the area. */
    private static boolean intersectsSpan(Rectangle2D area, NodeView a, NodeView b) {
        double minX = Math.min(a.getLayoutX(), b.getLayoutX());
        double minY = Math.min(a.getLayoutY(), b.getLayoutY());
        double maxX = Math.max(a.getLayoutX() + width(a), b.getLayoutX() + width(b));
        double maxY = Math.max(a.getLayoutY() + height(a), b.getLayoutY() + height(b));
        return area.intersects(minX, minY, maxX - minX, maxY - minY);
    }

    /** A card's size, or before its first layout the size it will get. */
    private static double width(NodeView n) {
        return n.getWidth() > 0 ? n.getWidth() : n.prefWidth(-1);
    }

    private static double height(NodeView n) {
        return n.getHeight() > 0 ? n.getHeight() : n.prefHeight(-1);
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        if (node.isVisible() != visible) {
            node.setVisible(visible);
        }
    }
}
