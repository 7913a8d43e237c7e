package dev.switchboard.designer.model;

/**
 * Zoom and pan of the canvas: screen = canvas × scale + translate. Immutable; the canvas view
 * applies it as a transform.
 */
public record Viewport(double scale, double tx, double ty) {
    public static final double MIN_SCALE = 0.05;
    public static final double MAX_SCALE = 3;
    public static final Viewport IDENTITY = new Viewport(1, 0, 0);

    /** Zooms by {@code factor}, keeping the canvas point under the screen point (px, py) still. */
    public Viewport zoomAt(double factor, double px, double py) {
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double cx = (px - tx) / scale;
        double cy = (py - ty) / scale;
        return new Viewport(s, px - cx * s, py - cy * s);
    }

    public Viewport panBy(double dx, double dy) {
        return new Viewport(scale, tx + dx, ty + dy);
    }

    /** Shows the canvas rectangle in a view of the given size, with a margin, never zooming above 1. */
    public static Viewport fit(double minX, double minY, double maxX, double maxY, double width, double height) {
        double margin = 40;
        double w = Math.max(1, maxX - minX);
        double h = Math.max(1, maxY - minY);
        double s = Math.min(1, Math.min((width - 2 * margin) / w, (height - 2 * margin) / h));
        s = Math.max(MIN_SCALE, s);
        double tx = (width - w * s) / 2 - minX * s;
        double ty = (height - h * s) / 2 - minY * s;
        return new Viewport(s, tx, ty);
    }

    public double toCanvasX(double screenX) {
        return (screenX - tx) / scale;
    }

    public double toCanvasY(double screenY) {
        return (screenY - ty) / scale;
    }
}
