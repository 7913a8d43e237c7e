package dev.switchboard.designer.model;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** A flow's id from its name, and where new flows are saved by default. */
public final class FlowNames {
    private FlowNames() {}

    /** "Big orders → CRM!" → {@code big-orders-crm}: what ids and file names accept. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "untitled" : slug;
    }

    /**
     * The workspace folder new flows are saved in unless the user picks another: one place to
     * find them again, not whatever folder the designer happened to start in.
     */
    public static Path workspace() {
        return Path.of(System.getProperty("user.home"), "Switchboard", "flows");
    }
}
