package dev.switchboard.designer.run;

import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.live.LiveMonitor;
import java.nio.file.Path;

/**
 * How the designer runs flows.
 *
 * @param dataFolder the store, secrets file and files the flows write
 * @param httpPort the webhook port tried first (the headless runtime's default); taken → any free one
 * @param messageCapacity how many node messages the inspector keeps
 */
public record RunSettings(Path dataFolder, int httpPort, int messageCapacity) {

    public static RunSettings forUser() {
        return new RunSettings(UserDataFolder.resolve(), EngineOptions.DEFAULT_HTTP_PORT, LiveMonitor.DEFAULT_CAPACITY);
    }

    public RunSettings withHttpPort(int port) {
        return new RunSettings(dataFolder, port, messageCapacity);
    }

    /** The optional secrets file ({@code NAME=value} lines) the designer's runs resolve {@code {{secret:NAME}}} from. */
    public Path secretsFile() {
        return dataFolder.resolve("secrets.env");
    }
}
