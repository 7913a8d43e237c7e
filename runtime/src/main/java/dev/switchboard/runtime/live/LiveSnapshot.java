package dev.switchboard.runtime.live;

import java.util.List;
import java.util.Map;

/**
 * What {@link LiveMonitor#snapshot(long)} saw.
 *
 * @param nodes counters of every node seen or watched
 * @param messages those with seq greater than the one asked for still in the buffer, oldest first
 * @param lastSeq the highest seq handed out so far: ask with it next time
 * @param dropped how many messages after the seq asked for fell out of the buffer before they could be read
 */
public record LiveSnapshot(Map<NodeKey, NodeStats> nodes, List<LiveMessage> messages, long lastSeq, long dropped) {
    public LiveSnapshot {
        nodes = Map.copyOf(nodes);
        messages = List.copyOf(messages);
    }
}
