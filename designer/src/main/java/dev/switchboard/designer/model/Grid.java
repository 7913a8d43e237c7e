package dev.switchboard.designer.model;

import dev.switchboard.runtime.model.Position;

/** The canvas snap grid. */
public final class Grid {
    public static final double SIZE = 20;

    private Grid() {}

    public static double snap(double v) {
        return Math.round(v / SIZE) * SIZE;
    }

    public static Position snap(Position p) {
        return new Position(snap(p.x()), snap(p.y()));
    }
}
