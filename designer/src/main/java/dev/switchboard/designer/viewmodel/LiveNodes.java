package dev.switchboard.designer.viewmodel;

import dev.switchboard.designer.run.RunSession;
import dev.switchboard.designer.viewmodel.RunViewModel.NodeStatus;
import dev.switchboard.runtime.engine.StatusBoard;
import dev.switchboard.runtime.live.LiveSnapshot;
import dev.switchboard.runtime.live.NodeKey;
import dev.switchboard.runtime.live.NodeStats;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a node's card shows while its flow runs, from the monitor's counters and the node's connection. */
final class LiveNodes {
    /** A node handled an event this recently: shown as running rather than waiting. */
    static final Duration BUSY_WINDOW = Duration.ofSeconds(2);

    private LiveNodes() {}

    /** Brings {@code live} (by node id) up to date for the open flow; empty while it does not run. */
    static void update(
            Map<String, NodeLive> live,
            Flow flow,
            Set<String> runningFlows,
            Map<String, Map<String, List<String>>> addresses,
            LiveSnapshot snapshot,
            RunSession session,
            Instant now) {
        if (!runningFlows.contains(flow.id())) {
            live.clear();
            return;
        }
        Map<String, List<String>> urls = addresses.getOrDefault(flow.id(), Map.of());
        Map<String, StatusBoard.Status> connections = session.nodeStatuses(flow.id());
        Set<String> ids = new LinkedHashSet<>();
        for (Node node : flow.nodes()) {
            ids.add(node.id());
            NodeStats stats = snapshot.nodes().get(new NodeKey(flow.id(), node.id()));
            NodeLive fresh = nodeLive(stats, connections.get(node.id()), urls.getOrDefault(node.id(), List.of()), now);
            // only changes reach the map: the canvas redraws a card per change
            if (!fresh.equals(live.get(node.id()))) {
                live.put(node.id(), fresh);
            }
        }
        live.keySet().retainAll(ids);
    }

    /** @param connection the node's connection status in the running engine, null when it reported none */
    static NodeLive nodeLive(NodeStats stats, StatusBoard.Status connection, List<String> urls, Instant now) {
        long in = stats == null ? 0 : stats.in();
        long out = stats == null ? 0 : stats.out();
        long filtered = stats == null ? 0 : stats.filtered();
        long errors = stats == null ? 0 : stats.errors();
        NodeStatus status;
        String detail;
        if (stats != null && stats.lastFailed()) {
            status = NodeStatus.ERROR;
            detail = "Failed: " + stats.lastError()
                    + (stats.lastErrorAt() == null ? "" : " (at " + stats.lastErrorAt() + ")");
        } else if (connection != null && connection.state() == StatusBoard.State.DOWN) {
            status = NodeStatus.ERROR;
            detail = "Disconnected: " + connection.message();
        } else if (connection != null && connection.state() == StatusBoard.State.CONNECTING) {
            status = NodeStatus.WAITING;
            detail = "Connecting: " + connection.message();
        } else if (stats != null
                && stats.lastActivityAt() != null
                && stats.lastActivityAt().isAfter(now.minus(BUSY_WINDOW))) {
            status = NodeStatus.RUNNING;
            detail = "Handling events";
        } else {
            status = NodeStatus.WAITING;
            detail = in == 0 ? "Waiting for the first event" : "Waiting for events";
        }
        return new NodeLive(
                in,
                out,
                filtered,
                errors,
                status,
                detail,
                List.copyOf(urls),
                stats == null ? 0 : stats.warnings(),
                stats == null ? List.of() : stats.recentWarnings());
    }
}
