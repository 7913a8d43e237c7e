package dev.switchboard.designer.view;

import dev.switchboard.designer.model.Grid;
import dev.switchboard.designer.model.Viewport;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;

/**
 * The dotted snap grid behind the flow, redrawn for the current zoom and pan. The dot colour
 * comes from the stylesheet (.grid-dot) so it follows the light and dark themes.
 */
final class CanvasGrid extends Pane {
    private final Canvas canvas = new Canvas();
    private final Circle colourProbe = new Circle(1);
    private final ObservableValue<Viewport> viewport;

    CanvasGrid(ObservableValue<Viewport> viewport) {
        this.viewport = viewport;
        colourProbe.getStyleClass().add("grid-dot");
        colourProbe.setVisible(false);
        setMouseTransparent(true);
        getChildren().addAll(canvas, colourProbe);
        viewport.addListener((obs, o, n) -> draw());
        widthProperty().addListener((obs, o, n) -> draw());
        heightProperty().addListener((obs, o, n) -> draw());
        colourProbe.fillProperty().addListener((obs, o, n) -> draw());
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        Viewport v = viewport.getValue();
        double step = Grid.SIZE * v.scale();
        while (step < 12) {
            step *= 2; // zoomed far out: fewer dots, not a grey wash
        }
        Paint fill = colourProbe.getFill() == null ? Color.gray(0.5, 0.3) : colourProbe.getFill();
        g.setFill(fill);
        double startX = ((v.tx() % step) + step) % step;
        double startY = ((v.ty() % step) + step) % step;
        double r = Math.max(1.5, 2 * v.scale());
        for (double x = startX; x < w; x += step) {
            for (double y = startY; y < h; y += step) {
                g.fillOval(x - r / 2, y - r / 2, r, r);
            }
        }
    }
}
