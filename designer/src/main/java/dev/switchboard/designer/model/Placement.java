package dev.switchboard.designer.model;

import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;

/**
 * Where a node added next to another one goes: one column to the right of its source, on the
 * row of the port it hangs from, moved down until it covers no other card.
 */
public final class Placement {
    /** A column step wide enough for the widest card and a readable wire between them. */
    public static final double COLUMN = 300;

    /** The vertical step between cards stacked in one column. */
    public static final double ROW = 160;

    private static final double CARD_WIDTH = 240;
    private static final double CARD_HEIGHT = 130;

    private Placement() {}

    /** Right of {@code source}; {@code portIndex} is the place of the port among its outputs. */
    public static Position rightOf(Flow flow, Node source, int portIndex) {
        Position at = source.ui() == null ? new Position(60, 60) : source.ui();
        return freeSpot(flow, new Position(at.x() + COLUMN, at.y() + portIndex * ROW));
    }

    /** {@code wanted}, or the first spot below it that overlaps no card (snapped to the grid). */
    public static Position freeSpot(Flow flow, Position wanted) {
        Position p = Grid.snap(wanted);
        while (overlapsAny(flow, p)) {
            p = Grid.snap(new Position(p.x(), p.y() + ROW));
        }
        return p;
    }

    private static boolean overlapsAny(Flow flow, Position p) {
        return flow.nodes().stream()
                .map(Node::ui)
                .filter(java.util.Objects::nonNull)
                .anyMatch(o -> Math.abs(o.x() - p.x()) < CARD_WIDTH && Math.abs(o.y() - p.y()) < CARD_HEIGHT);
    }
}
