package dev.switchboard.designer.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Short, readable, unique node ids derived from the connector type: http-request, http-request-2 … */
public final class NodeIds {
    /** What the validator and the file format accept as a node id. */
    public static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private NodeIds() {}

    public static String fresh(String type, Collection<String> taken) {
        String base =
                type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "node";
        }
        Set<String> used = Set.copyOf(taken);
        if (!used.contains(base)) {
            return base;
        }
        // strip an existing numeric suffix so duplicating http-request-2 gives http-request-3
        String stem = base.replaceAll("-\\d+$", "");
        for (int i = 2; ; i++) {
            String candidate = stem + "-" + i;
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
