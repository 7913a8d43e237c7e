package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.runtime.model.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Node-RED positions (node centres, nodes about 120 × 30) → Switchboard's (top-left corners of
 * cards at least 190 wide and about 90 high). The layout is kept, stretched as little as needed:
 * first sideways until nodes on one row are a card apart, then downwards until nodes that still
 * overlap sideways are a card apart. Stretching stops at {@link #MAX_STRETCH}; nodes Node-RED
 * drew on top of each other stay so.
 */
final class CanvasLayout {
    /** The room one card needs, with a gap: its minimum width 190 and height about 90. */
    static final double CARD_WIDTH = 230;

    static final double CARD_HEIGHT = 120;
    static final double MAX_STRETCH = 8;
    static final double ORIGIN = 40;
    /** Node-RED nodes less than this apart vertically sit on one row. */
    private static final double ROW = 30;

    private CanvasLayout() {}

    static List<Position> place(List<Position> centres) {
        if (centres.isEmpty()) {
            return List.of();
        }
        double sx = 1;
        for (int i = 0; i < centres.size(); i++) {
            for (int j = i + 1; j < centres.size(); j++) {
                double dx = Math.abs(centres.get(i).x() - centres.get(j).x());
                double dy = Math.abs(centres.get(i).y() - centres.get(j).y());
                if (dy < ROW && dx > 0) {
                    sx = Math.max(sx, (CARD_WIDTH + 1) / dx); // + 1: rounding to whole units loses at most 1
                }
            }
        }
        sx = Math.min(sx, MAX_STRETCH);
        double sy = 1;
        for (int i = 0; i < centres.size(); i++) {
            for (int j = i + 1; j < centres.size(); j++) {
                double dx = Math.abs(centres.get(i).x() - centres.get(j).x()) * sx;
                double dy = Math.abs(centres.get(i).y() - centres.get(j).y());
                if (dx < CARD_WIDTH && dy > 0) {
                    sy = Math.max(sy, (CARD_HEIGHT + 1) / dy);
                }
            }
        }
        sy = Math.min(sy, MAX_STRETCH);
        double minX = centres.stream().mapToDouble(Position::x).min().orElse(0);
        double minY = centres.stream().mapToDouble(Position::y).min().orElse(0);
        List<Position> placed = new ArrayList<>();
        for (Position c : centres) {
            placed.add(
                    new Position(Math.round(ORIGIN + (c.x() - minX) * sx), Math.round(ORIGIN + (c.y() - minY) * sy)));
        }
        return placed;
    }
}
