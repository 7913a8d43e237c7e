package dev.switchboard.connector.support;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a pull trigger can reach its server (broker, database), per node. A change is logged
 * once as a clear status line; repeated failures are not, so an unreachable server does not flood
 * the log. The designer and admin API can read the current status of any node.
 */
public final class ConnectionStatus {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStatus.class);
    private static final Map<String, Status> BY_NODE = new ConcurrentHashMap<>();

    public enum State { CONNECTING, UP, DOWN }

    /** @param message what the node is connected to, or why it is not and when it retries */
    public record Status(State state, String message, Instant since) {}

    private ConnectionStatus() {}

    public static Optional<Status> of(String flowId, String nodeId) {
        return Optional.ofNullable(BY_NODE.get(key(flowId, nodeId)));
    }

    public static void connecting(String flowId, String nodeId, String target) {
        BY_NODE.put(key(flowId, nodeId), new Status(State.CONNECTING, "connecting to " + target, Instant.now()));
    }

    public static void up(String flowId, String nodeId, String message) {
        Status previous = BY_NODE.put(key(flowId, nodeId), new Status(State.UP, message, Instant.now()));
        if (previous == null || previous.state() != State.UP) {
            LOG.info("[{}/{}] {}", flowId, nodeId, message);
        }
    }

    public static void down(String flowId, String nodeId, String message) {
        Status previous = BY_NODE.put(key(flowId, nodeId), new Status(State.DOWN, message, Instant.now()));
        if (previous == null || previous.state() != State.DOWN) {
            LOG.warn("[{}/{}] {}", flowId, nodeId, message);
        } else {
            LOG.debug("[{}/{}] {}", flowId, nodeId, message);
        }
    }

    public static void forget(String flowId, String nodeId) {
        BY_NODE.remove(key(flowId, nodeId));
    }

    private static String key(String flowId, String nodeId) {
        return flowId + "/" + nodeId;
    }
}
