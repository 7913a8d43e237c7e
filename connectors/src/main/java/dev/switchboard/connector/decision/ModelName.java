package dev.switchboard.connector.decision;

import dev.switchboard.connector.spi.ConfigProblem;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A node's {@code model}: {@code online:NAME}, an online model in the runtime's store, or the path
 * of a Tribuo model file in the data folder.
 *
 * @param online the online model's name, or null
 * @param file the file's path relative to the data folder, or null
 */
record ModelName(String online, String file) {
    static final String ONLINE = "online:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** Reads a score step's model; a problem goes to {@code problems} and the result is null then. */
    static ModelName read(String text, List<ConfigProblem> problems) {
        String trimmed = text.trim();
        if (trimmed.startsWith(ONLINE)) {
            return online(trimmed.substring(ONLINE.length()), problems);
        }
        if (trimmed.isEmpty()
                || trimmed.startsWith("/")
                || trimmed.startsWith("\\")
                || trimmed.matches("^[A-Za-z]:.*")) {
            problems.add(new ConfigProblem(
                    "/model",
                    "'" + text + "' is neither online:NAME nor a model file's path relative to the data folder, e.g. "
                            + "models/fraud.tribuo"));
            return null;
        }
        return new ModelName(null, trimmed);
    }

    /** Reads a learn step's model, an online model's name (online: in front is allowed). */
    static ModelName readOnline(String text, List<ConfigProblem> problems) {
        String trimmed = text.trim();
        return online(trimmed.startsWith(ONLINE) ? trimmed.substring(ONLINE.length()) : trimmed, problems);
    }

    private static ModelName online(String name, List<ConfigProblem> problems) {
        if (!NAME.matcher(name).matches()) {
            problems.add(new ConfigProblem(
                    "/model",
                    "'" + name + "' is not an online model's name: up to 100 letters, digits, '.', '_' or '-', "
                            + "starting with a letter or digit, e.g. fraud-online"));
            return null;
        }
        return new ModelName(name, null);
    }
}
