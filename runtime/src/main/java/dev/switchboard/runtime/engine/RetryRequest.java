package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.Event;
import java.time.Instant;

/**
 * An event that failed at a node and is to try that node again later: what the inbox keeps until
 * {@code dueAt}, then runs from {@code nodeId} as the {@code attempt}-th try.
 *
 * @param input the event as it entered the failed node
 * @param failedRunId the run that failed; the retry's run is its child in the lineage
 */
public record RetryRequest(String flowId, String nodeId, Event input, int attempt, Instant dueAt, String failedRunId) {}
