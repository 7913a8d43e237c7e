package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.NodeStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection status of every node of one engine: nodes write through the {@link NodeStatus}
 * their context hands out, the designer and tests read. One board per engine, so two engines in
 * one JVM never see each other's nodes. A hot-replaced node's new version writes through a new
 * handle; the old one, retired when its route is removed, can neither overwrite nor erase it.
 */
public final class StatusBoard {
    private static final Logger LOG = LoggerFactory.getLogger(StatusBoard.class);

    public enum State {
        CONNECTING,
        UP,
        DOWN
    }

    /** @param message what the node is connected to, or why it is not and when it retries */
    public record Status(State state, String message, Instant since) {}

    private record Key(String flowId, String nodeId) {}

    private record Entry(Handle owner, Status status) {}

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    public Optional<Status> get(String flowId, String nodeId) {
        return Optional.ofNullable(entries.get(new Key(flowId, nodeId))).map(Entry::status);
    }

    /** The statuses of a flow's nodes that reported one, by node id. */
    public Map<String, Status> ofFlow(String flowId) {
        Map<String, Status> statuses = new TreeMap<>();
        entries.forEach((key, entry) -> {
            if (key.flowId().equals(flowId)) {
                statuses.put(key.nodeId(), entry.status());
            }
        });
        return statuses;
    }

    /** A new handle for one compiled version of a node; writes nothing until the node reports. */
    Handle handle(String flowId, String nodeId) {
        return new Handle(new Key(flowId, nodeId));
    }

    /** One version of one node's status: writes while its route exists, then is retired. */
    final class Handle implements NodeStatus {
        private final Key key;
        private State last;
        private boolean retired;

        private Handle(Key key) {
            this.key = key;
        }

        @Override
        public void connecting(String target) {
            set(State.CONNECTING, "connecting to " + target);
        }

        @Override
        public void up(String message) {
            if (set(State.UP, message)) {
                LOG.info("[{}/{}] {}", key.flowId(), key.nodeId(), message);
            }
        }

        @Override
        public void down(String message) {
            if (set(State.DOWN, message)) {
                LOG.warn("[{}/{}] {}", key.flowId(), key.nodeId(), message);
            } else if (!isRetired()) {
                LOG.debug("[{}/{}] {}", key.flowId(), key.nodeId(), message);
            }
        }

        /** Records the state; true when it is a change worth a log line. */
        private synchronized boolean set(State state, String message) {
            if (retired) {
                return false;
            }
            entries.put(key, new Entry(this, new Status(state, message, Instant.now())));
            boolean changed = last != state;
            last = state;
            return changed;
        }

        private synchronized boolean isRetired() {
            return retired;
        }

        /** The node's route is gone: forget its status, unless a newer version already reported. */
        synchronized void retire() {
            retired = true;
            entries.computeIfPresent(key, (k, entry) -> entry.owner() == this ? null : entry);
        }
    }
}
