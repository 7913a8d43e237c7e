package dev.switchboard.designer.view;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons by the names connectors declare ("globe", "filter" …), with a fallback. */
public final class Icons {
    private Icons() {}

    public static FontIcon of(String featherName) {
        return new FontIcon(resolve(featherName));
    }

    /** The Feather icon of that name; a box for names Feather does not have (a connector's typo must not break the canvas). */
    public static Feather resolve(String featherName) {
        String description = "fth-" + (featherName == null ? "box" : featherName);
        for (Feather f : Feather.values()) {
            if (f.getDescription().equals(description)) {
                return f;
            }
        }
        return Feather.BOX;
    }

    public static FontIcon of(Feather icon) {
        return new FontIcon(icon);
    }
}
