package dev.switchboard.designer.view;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The row of controls on top of a bottom-panel tab. */
final class PanelBar {
    static final String STYLE = "panel-bar";

    private PanelBar() {}

    /** What an empty list or table says: wrapped and centred, never cut off in a narrow panel. */
    static javafx.scene.control.Label placeholder(String text) {
        javafx.scene.control.Label label = new javafx.scene.control.Label(text);
        label.setWrapText(true);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.setPadding(new javafx.geometry.Insets(8, 16, 8, 16));
        return label;
    }

    /** Buttons and choosers keep their full size; only labels and fields give way when the panel is narrow. */
    static HBox of(Node... children) {
        HBox bar = new HBox(8, children);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(STYLE);
        for (Node n : children) {
            if (n instanceof ButtonBase || n instanceof ComboBoxBase) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }
}
