package dev.switchboard.designer.run;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where the designer's embedded runtime keeps its store and files: the user's data folder, never
 * the working directory (the designer may be started from anywhere).
 */
public final class UserDataFolder {
    /** Overrides the folder (tests, portable installs). */
    public static final String PROPERTY = "switchboard.designer.data";

    public static final String ENV = "SWITCHBOARD_DESIGNER_DATA";

    private UserDataFolder() {}

    public static Path resolve() {
        return resolve(System::getProperty, System::getenv);
    }

    static Path resolve(Function<String, String> properties, Function<String, String> env) {
        String explicit = properties.apply(PROPERTY);
        if (isSet(explicit)) {
            return Path.of(explicit);
        }
        if (isSet(env.apply(ENV))) {
            return Path.of(env.apply(ENV));
        }
        Path home = Path.of(properties.apply("user.home"));
        String os = String.valueOf(properties.apply("os.name")).toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.apply("APPDATA");
            return (isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("Switchboard");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Switchboard");
        }
        String xdg = env.apply("XDG_DATA_HOME");
        return (isSet(xdg) ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("switchboard");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
