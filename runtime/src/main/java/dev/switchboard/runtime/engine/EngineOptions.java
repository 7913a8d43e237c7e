package dev.switchboard.runtime.engine;

import dev.switchboard.runtime.policy.CentralPolicies;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How an engine is set up.
 *
 * @param httpHost address the webhook server binds to (loopback unless told otherwise)
 * @param httpPort webhook server port; 0 picks a free one
 * @param dataDir where the runtime keeps its state and where file connectors may write
 * @param drainTimeout how long stopping a flow waits for its in-flight events
 * @param policies the central policies applied to every flow (policies.json); none by default
 */
public record EngineOptions(
        String httpHost, int httpPort, Path dataDir, Duration drainTimeout, CentralPolicies policies) {
    public static final int DEFAULT_HTTP_PORT = 8787;

    public EngineOptions {
        policies = policies == null ? CentralPolicies.none() : policies;
    }

    public EngineOptions(String httpHost, int httpPort, Path dataDir, Duration drainTimeout) {
        this(httpHost, httpPort, dataDir, drainTimeout, CentralPolicies.none());
    }

    public static EngineOptions defaults() {
        return new EngineOptions("127.0.0.1", DEFAULT_HTTP_PORT, Path.of("data"), Duration.ofSeconds(10));
    }

    public EngineOptions withHttpPort(int port) {
        return new EngineOptions(httpHost, port, dataDir, drainTimeout, policies);
    }

    public EngineOptions withDataDir(Path dir) {
        return new EngineOptions(httpHost, httpPort, dir, drainTimeout, policies);
    }

    public EngineOptions withPolicies(CentralPolicies central) {
        return new EngineOptions(httpHost, httpPort, dataDir, drainTimeout, central);
    }
}
