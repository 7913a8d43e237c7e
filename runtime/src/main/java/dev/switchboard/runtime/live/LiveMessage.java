package dev.switchboard.runtime.live;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.runtime.engine.RunRecord;
import java.time.Instant;

/**
 * One step of a run: the event going into and out of one node, as the message inspector shows it.
 *
 * @param seq increasing across all messages of the monitor; what {@link LiveMonitor#snapshot(long)} pages by
 * @param port the port the event left through; null when it did not leave
 * @param input the event entering the node; null for a trigger
 * @param output the event leaving it; null when it did not leave
 * @param error why the node failed, or null
 * @param warning what the node let pass but noted (a data contract with enforcement {@code warn}), or null
 * @param runStatus how the whole run ended
 */
public record LiveMessage(
        long seq,
        Instant at,
        String flowId,
        String nodeId,
        String port,
        String runId,
        String eventId,
        Event input,
        Event output,
        String error,
        String warning,
        RunRecord.RunStatus runStatus) {

    /** A message without a warning. */
    public LiveMessage(
            long seq,
            Instant at,
            String flowId,
            String nodeId,
            String port,
            String runId,
            String eventId,
            Event input,
            Event output,
            String error,
            RunRecord.RunStatus runStatus) {
        this(seq, at, flowId, nodeId, port, runId, eventId, input, output, error, null, runStatus);
    }
}
