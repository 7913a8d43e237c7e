package dev.switchboard.connector.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each trigger that holds a connection (to a broker, a mail server …) is connected, one
 * board per engine. A change of state is logged once, so an unreachable broker gives one clear
 * warning instead of a stack trace per retry.
 */
public final class ConnectionStatus {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStatus.class);
    private static final String REGISTRY_NAME = "sb.connectionStatus";

    public enum State { CONNECTED, DISCONNECTED }

    /** The last known state of one node's connection to {@code target}. */
    public record Entry(String flowId, String nodeId, String target, State state, String detail, Instant since) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The board of this engine, created on first use. */
    public static ConnectionStatus of(CamelContext camel) {
        synchronized (camel) {
            ConnectionStatus status = camel.getRegistry().lookupByNameAndType(REGISTRY_NAME, ConnectionStatus.class);
            if (status == null) {
                status = new ConnectionStatus();
                camel.getRegistry().bind(REGISTRY_NAME, status);
            }
            return status;
        }
    }

    public Optional<Entry> get(String flowId, String nodeId) {
        return Optional.ofNullable(entries.get(key(flowId, nodeId)));
    }

    public void connected(String flowId, String nodeId, String target) {
        Entry previous = entries.put(key(flowId, nodeId),
                new Entry(flowId, nodeId, target, State.CONNECTED, "", Instant.now()));
        if (previous != null && previous.state() == State.DISCONNECTED) {
            LOG.info("Flow '{}' node '{}': connected to {}", flowId, nodeId, target);
        } else {
            LOG.debug("Flow '{}' node '{}': connected to {}", flowId, nodeId, target);
        }
    }

    public void disconnected(String flowId, String nodeId, String target, Throwable cause, Duration retryEvery) {
        String detail = rootMessage(cause);
        Entry previous = entries.put(key(flowId, nodeId),
                new Entry(flowId, nodeId, target, State.DISCONNECTED, detail, Instant.now()));
        String retry = retryEvery == null ? "" : "; retrying every " + Durations.human(retryEvery);
        if (previous == null || previous.state() != State.DISCONNECTED || !previous.detail().equals(detail)) {
            LOG.warn("Flow '{}' node '{}': cannot connect to {} ({}){}", flowId, nodeId, target, detail, retry);
        } else {
            LOG.debug("Flow '{}' node '{}': still cannot connect to {} ({})", flowId, nodeId, target, detail);
        }
    }

    public void forget(String flowId, String nodeId) {
        entries.remove(key(flowId, nodeId));
    }

    private static String key(String flowId, String nodeId) {
        return flowId + "\u0000" + nodeId;
    }

    /** The innermost message of a cause chain: "Connection refused" rather than a wrapper's text. */
    public static String rootMessage(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = null;
        Throwable t = error;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }

    /** Short human durations for log lines. */
    private static final class Durations {
        static String human(Duration d) {
            long ms = d.toMillis();
            return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
        }
    }
}
