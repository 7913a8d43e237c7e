package dev.switchboard.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The build's version ({@code project.version}, filtered into {@code version.properties}): {@code --version}, run's banner. */
public final class SwitchboardVersion implements IVersionProvider {
    private static final String RESOURCE = "/dev/switchboard/runtime/version.properties";

    public static String get() {
        try (InputStream in = SwitchboardVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Switchboard " + get()};
    }
}
