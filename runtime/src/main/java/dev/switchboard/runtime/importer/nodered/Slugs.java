package dev.switchboard.runtime.importer.nodered;

import java.util.Locale;
import java.util.Set;

/** Node-RED names and ids → Switchboard ids ({@code [A-Za-z0-9][A-Za-z0-9_-]*}). */
final class Slugs {
    private static final int MAX_LENGTH = 40;

    private Slugs() {}

    static String slug(String text, String fallback) {
        String slug = text == null
                ? ""
                : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** {@code base}, or {@code base-2}, {@code base-3} … whichever is not taken yet; it is then taken. */
    static String unique(String base, Set<String> taken) {
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
