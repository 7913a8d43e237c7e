package dev.switchboard.runtime.model;

/** A node's top-left corner on the designer canvas, in canvas units. */
public record Position(double x, double y) {
    public Position translate(double dx, double dy) {
        return new Position(x + dx, y + dy);
    }
}
