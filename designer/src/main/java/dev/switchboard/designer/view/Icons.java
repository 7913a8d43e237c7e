package dev.switchboard.designer.view;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons by the names connectors declare ("globe", "filter" …), with a fallback. */
public final class Icons {
    private Icons() {}

    public static FontIcon of(String featherName) {
        Feather icon;
        try {
            icon = Feather.findByDescription("fth-" + (featherName == null ? "box" : featherName));
        } catch (IllegalArgumentException e) {
            icon = Feather.BOX;
        }
        return new FontIcon(icon);
    }

    public static FontIcon of(Feather icon) {
        return new FontIcon(icon);
    }
}
