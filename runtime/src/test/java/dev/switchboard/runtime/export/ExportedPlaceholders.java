package dev.switchboard.runtime.export;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The property placeholders ({@code {{NAME}}}, not {@code {{env:…}}}) an exported file uses. */
final class ExportedPlaceholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z_][A-Za-z0-9_.]*)}}");

    private ExportedPlaceholders() {}

    static Set<String> placeholders(String yaml) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(yaml);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
