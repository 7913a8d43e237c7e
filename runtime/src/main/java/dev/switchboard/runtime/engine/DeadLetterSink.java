package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.Event;

/** Where an event goes when a node failed it for the last time and no error port catches it. */
@FunctionalInterface
public interface DeadLetterSink {

    /**
     * Keeps the event durably before returning.
     *
     * @param event the event as it entered the failed node
     * @param attempts how often the node was tried
     */
    void deadLetter(String flowId, String nodeId, String runId, Event event, String error, int attempts);
}
