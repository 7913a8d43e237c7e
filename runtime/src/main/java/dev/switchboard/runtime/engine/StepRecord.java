package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.Event;
import java.time.Instant;
import java.util.List;

/**
 * One node an event passed in a run.
 *
 * @param port the port the event left through; null when it did not leave (failed, or dropped inside)
 * @param input the event as it entered the node; null for a trigger
 * @param output the event as it left; null when it did not leave
 * @param error why the node failed, or null
 * @param warning what the node noticed but let pass (a data contract with enforcement {@code warn}), or null
 * @param policies the central policies' decisions at this node ({@code cards: masked data},
 *     {@code eu-only: blocked api.example.com}), in the order taken; empty when none applied
 */
public record StepRecord(
        String nodeId,
        String port,
        Instant at,
        Event input,
        Event output,
        String error,
        String warning,
        List<String> policies) {
    public StepRecord {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    public StepRecord(String nodeId, String port, Instant at, Event input, Event output, String error) {
        this(nodeId, port, at, input, output, error, null, List.of());
    }
}
