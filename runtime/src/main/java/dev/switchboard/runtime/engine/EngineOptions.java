package dev.switchboard.runtime.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How an engine is set up.
 *
 * @param httpHost address the webhook server binds to (loopback unless told otherwise)
 * @param httpPort webhook server port; 0 picks a free one
 * @param dataDir where the runtime keeps its state and where file connectors may write
 * @param drainTimeout how long stopping a flow waits for its in-flight events
 */
public record EngineOptions(String httpHost, int httpPort, Path dataDir, Duration drainTimeout) {
    public static final int DEFAULT_HTTP_PORT = 8787;

    public static EngineOptions defaults() {
        return new EngineOptions("127.0.0.1", DEFAULT_HTTP_PORT, Path.of("data"), Duration.ofSeconds(10));
    }

    public EngineOptions withHttpPort(int port) {
        return new EngineOptions(httpHost, port, dataDir, drainTimeout);
    }

    public EngineOptions withDataDir(Path dir) {
        return new EngineOptions(httpHost, httpPort, dir, drainTimeout);
    }
}
