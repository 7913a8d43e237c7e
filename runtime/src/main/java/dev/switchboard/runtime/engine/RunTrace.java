package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lineage of one run while it is in flight, kept on the exchange (property {@link #PROPERTY}).
 * Fan-out copies of the exchange share it, so every branch adds to the same run.
 */
public final class RunTrace {
    public static final String PROPERTY = "sb.runTrace";
    /** Set (to the node id) when the event went to the dead-letter store. */
    public static final String DEAD_LETTERED = "sb.deadLettered";
    /** Set (to what will happen, for the run's error text) when a failed node is to be tried again later. */
    public static final String RETRY_SCHEDULED = "sb.retryScheduled";
    /** Set (to the error) when a node failed for the last time and the flow keeps no dead letters. */
    public static final String GAVE_UP = "sb.gaveUp";
    /**
     * Set (to the warning) by a trigger's data contract before the run begins; the run's first step,
     * the trigger's, takes it over.
     */
    public static final String TRIGGER_WARNING = "sb.triggerWarning";

    private final String runId = Event.newId();
    private final String flowId;
    private final String parentRunId;
    private final Long replayOf;
    private final List<Step> steps = new ArrayList<>(8);
    /** Whether a listener will see this run: only then do steps need their time. */
    private final boolean timed;
    /** The node a retry's run starts at, and which try of that node it is. */
    private String entryNode;

    private int entryAttempt = 1;

    RunTrace(String flowId, String parentRunId, Long replayOf, boolean timed) {
        this.flowId = flowId;
        this.parentRunId = parentRunId;
        this.replayOf = replayOf;
        this.timed = timed;
    }

    public String runId() {
        return runId;
    }

    public String flowId() {
        return flowId;
    }

    public String parentRunId() {
        return parentRunId;
    }

    public Long replayOf() {
        return replayOf;
    }

    public synchronized void entered(String nodeId, Event input) {
        steps.add(new Step(nodeId, now(), input));
    }

    /** The run starts at {@code nodeId} (a retry or a replay), as the {@code attempt}-th try of that node. */
    synchronized void enteredAt(String nodeId, Event input, int attempt) {
        entryNode = nodeId;
        entryAttempt = attempt;
        entered(nodeId, input);
    }

    /** Which try of {@code nodeId} this run makes: more than 1 only where a retry started it. */
    public synchronized int attemptOf(String nodeId) {
        return nodeId.equals(entryNode) ? entryAttempt : 1;
    }

    /** The event left {@code nodeId} through {@code port}; a trigger's first emit adds its step. */
    public synchronized void left(String nodeId, String port, Event output) {
        Step step = open(nodeId);
        if (step == null) {
            step = new Step(nodeId, now(), null);
            steps.add(step);
        }
        step.port = port;
        step.output = output;
    }

    /** {@code from} left through {@code port} and the same event entered {@code to}: taken under one lock. */
    public synchronized void handedOver(String from, String port, Event event, String to) {
        left(from, port, event);
        if (to != null && event != null) {
            steps.add(new Step(to, now(), event));
        }
    }

    private Instant now() {
        return timed ? Instant.now() : null;
    }

    public synchronized void failed(String nodeId, String error) {
        Step step = last(nodeId);
        if (step != null) {
            step.error = error;
        }
    }

    /** {@code nodeId} let the event pass but noticed something (a broken data contract it only warns about). */
    public synchronized void warned(String nodeId, String warning) {
        Step step = last(nodeId);
        if (step == null) {
            step = new Step(nodeId, now(), null);
            steps.add(step);
        }
        step.warning = step.warning == null ? warning : step.warning + "; " + warning;
    }

    /** Notes a central policy's decision on the step {@code nodeId} is at (shown in the run record). */
    public synchronized void policyDecision(String nodeId, String summary) {
        Step step = last(nodeId);
        if (step != null) {
            if (step.policies.isEmpty()) {
                step.policies = new ArrayList<>(2);
            }
            step.policies.add(summary);
        }
    }

    /** The event as it last entered {@code nodeId}: what a dead letter keeps. */
    public synchronized Event inputOf(String nodeId) {
        Step step = last(nodeId);
        return step == null ? null : step.input;
    }

    synchronized List<StepRecord> steps() {
        return steps.stream()
                .map(s -> new StepRecord(s.nodeId, s.port, s.at, s.input, s.output, s.error, s.warning, s.policies))
                .toList();
    }

    private Step open(String nodeId) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (s.nodeId.equals(nodeId) && s.port == null) {
                return s;
            }
        }
        return null;
    }

    private Step last(String nodeId) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).nodeId.equals(nodeId)) {
                return steps.get(i);
            }
        }
        return null;
    }

    private static final class Step {
        final String nodeId;
        final Instant at;
        final Event input;
        String port;
        Event output;
        String error;
        String warning;
        List<String> policies = List.of();

        Step(String nodeId, Instant at, Event input) {
            this.nodeId = nodeId;
            this.at = at;
            this.input = input;
        }
    }
}
