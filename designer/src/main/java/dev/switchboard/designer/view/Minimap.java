package dev.switchboard.designer.view;

import dev.switchboard.designer.model.Viewport;
import java.util.Collection;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A small overview of the whole flow in the canvas's corner: every card as a dot-sized box and the
 * part on screen as a frame. Pressing or dragging on it centres the view there. One canvas drawn
 * in one go, so it costs the same for ten cards or a thousand.
 */
final class Minimap extends Region {
    static final double WIDTH = 200;
    static final double HEIGHT = 130;
    private static final double PAD = 6;

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final Supplier<Collection<Rectangle2D>> cards;
    private final ObjectProperty<Viewport> view;
    private final Region shown;
    /** Canvas → minimap: minimap = (canvas - origin) × scale + PAD. */
    private double scale = 1;

    private double originX;
    private double originY;

    /**
     * @param cards where the cards are, in canvas coordinates
     * @param view the canvas's zoom and pan, which a click here changes
     * @param shown the region the canvas is shown in (its size is the visible part)
     */
    Minimap(Supplier<Collection<Rectangle2D>> cards, ObjectProperty<Viewport> view, Region shown) {
        this.cards = cards;
        this.view = view;
        this.shown = shown;
        getStyleClass().add(Styles.MINIMAP);
        setId("minimap");
        getChildren().add(canvas);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::centreOn);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::centreOn);
        addEventHandler(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
    }

    /** Draws the cards and the frame again; call after the flow or the view changed. */
    void redraw() {
        Collection<Rectangle2D> all = cards.get();
        Viewport v = view.get();
        Rectangle2D visible = new Rectangle2D(
                v.toCanvasX(0), v.toCanvasY(0), shown.getWidth() / v.scale(), shown.getHeight() / v.scale());
        // a flow that is all on screen needs no map: it would only cover cards
        boolean needed = all.stream().anyMatch(r -> !visible.contains(r));
        setVisible(needed);
        if (!needed) {
            return;
        }
        double minX = visible.getMinX(), minY = visible.getMinY();
        double maxX = visible.getMaxX(), maxY = visible.getMaxY();
        for (Rectangle2D r : all) {
            minX = Math.min(minX, r.getMinX());
            minY = Math.min(minY, r.getMinY());
            maxX = Math.max(maxX, r.getMaxX());
            maxY = Math.max(maxY, r.getMaxY());
        }
        scale = Math.min((WIDTH - 2 * PAD) / Math.max(1, maxX - minX), (HEIGHT - 2 * PAD) / Math.max(1, maxY - minY));
        originX = minX;
        originY = minY;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        g.setFill(Color.rgb(110, 119, 129, 0.7));
        for (Rectangle2D r : all) {
            g.fillRect(
                    x(r.getMinX()),
                    y(r.getMinY()),
                    Math.max(1, r.getWidth() * scale),
                    Math.max(1, r.getHeight() * scale));
        }
        g.setStroke(Color.rgb(9, 105, 218));
        g.setLineWidth(1.5);
        g.strokeRect(
                x(visible.getMinX()), y(visible.getMinY()), visible.getWidth() * scale, visible.getHeight() * scale);
    }

    /** The canvas point under a point of the minimap. */
    javafx.geometry.Point2D toCanvas(double localX, double localY) {
        return new javafx.geometry.Point2D((localX - PAD) / scale + originX, (localY - PAD) / scale + originY);
    }

    /** Where a canvas point is drawn on the minimap. */
    javafx.geometry.Point2D toMinimap(double canvasX, double canvasY) {
        return new javafx.geometry.Point2D(x(canvasX), y(canvasY));
    }

    private void centreOn(MouseEvent e) {
        javafx.geometry.Point2D target = toCanvas(e.getX(), e.getY());
        Viewport v = view.get();
        view.set(new Viewport(
                v.scale(),
                shown.getWidth() / 2 - target.getX() * v.scale(),
                shown.getHeight() / 2 - target.getY() * v.scale()));
        e.consume();
    }

    private double x(double canvasX) {
        return (canvasX - originX) * scale + PAD;
    }

    private double y(double canvasY) {
        return (canvasY - originY) * scale + PAD;
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
    }
}
