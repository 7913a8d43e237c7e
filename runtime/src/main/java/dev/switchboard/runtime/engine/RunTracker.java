package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FlowExchange;
import dev.switchboard.runtime.policy.CentralPolicies;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.Synchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when an event enters a flow at its trigger, traces each node it passes, and tells
 * listeners how its run ended. Tracing keeps references to the (immutable) events only: turning
 * them into snapshots is the listeners' work, off the flow's thread.
 */
public final class RunTracker {
    private static final Logger LOG = LoggerFactory.getLogger(RunTracker.class);
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final CentralPolicies policies;

    public RunTracker() {
        this(CentralPolicies.none());
    }

    /** @param policies whose masking every finished run's record passes before a listener sees it */
    public RunTracker(CentralPolicies policies) {
        this.policies = policies;
    }

    public void addListener(RunListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RunListener listener) {
        listeners.remove(listener);
    }

    /** The processor a trigger's route runs as the event leaves the trigger. */
    public Processor begin(String flowId, String triggerNodeId) {
        return exchange -> begin(exchange, flowId, triggerNodeId, null);
    }

    /**
     * One processor for a trigger's emit: starts the run, records the event leaving the trigger
     * through {@code port} and, when {@code next} is not null, entering that node.
     */
    public Processor beginAndHandOver(String flowId, String triggerNodeId, String port, String next) {
        return exchange -> {
            Object warning = exchange.hasProperties() ? exchange.removeProperty(RunTrace.TRIGGER_WARNING) : null;
            RunTrace trace = begin(exchange, flowId, triggerNodeId, null);
            Object body = exchange.getIn().getBody();
            trace.handedOver(triggerNodeId, port, body instanceof Event event ? event : null, next);
            if (warning != null) {
                trace.warned(triggerNodeId, warning.toString());
            }
        };
    }

    /**
     * Starts a run on {@code exchange}. An exchange that already belongs to a run of another flow
     * (handed over by event.publish) becomes that run's child. Only runs that start while someone
     * listens are timed and reported: nobody pays for records nobody reads.
     */
    public RunTrace begin(Exchange exchange, String flowId, String triggerNodeId, Long replayOf) {
        // a new exchange (most runs) has no properties yet: nothing to read or clear
        boolean fresh = !exchange.hasProperties();
        RunTrace previous = fresh ? null : exchange.getProperty(RunTrace.PROPERTY, RunTrace.class);
        String parent = previous != null
                ? previous.runId()
                : fresh ? null : exchange.getProperty(FlowExchange.RUN_ID, String.class);
        boolean listened = !listeners.isEmpty();
        RunTrace trace = new RunTrace(flowId, parent, replayOf, listened);
        if (!fresh) {
            exchange.removeProperty(RunTrace.DEAD_LETTERED);
            exchange.removeProperty(RunTrace.RETRY_SCHEDULED);
            exchange.removeProperty(RunTrace.GAVE_UP);
        }
        exchange.setProperty(RunTrace.PROPERTY, trace);
        exchange.setProperty(FlowExchange.RUN_ID, trace.runId());
        exchange.setProperty(FlowExchange.FLOW_ID, flowId);
        if (listened) {
            exchange.getExchangeExtension().addOnCompletion(new RunCompletion(flowId, triggerNodeId, trace, exchange));
        }
        return trace;
    }

    /**
     * Starts a run at {@code nodeId} instead of at a trigger: a retry ({@code attempt} &gt; 1, a
     * child of the run that failed) or a replay of a dead letter.
     */
    public RunTrace beginAt(
            Exchange exchange,
            String flowId,
            String nodeId,
            Event event,
            Long replayOf,
            String parentRunId,
            int attempt) {
        exchange.getIn().setBody(event);
        if (parentRunId != null) {
            exchange.setProperty(FlowExchange.RUN_ID, parentRunId);
        }
        RunTrace trace = begin(exchange, flowId, nodeId, replayOf);
        trace.enteredAt(nodeId, event, attempt);
        return trace;
    }

    /** Processor for the start of a node's route: records the event going in. */
    public static Processor entered(String nodeId) {
        return exchange -> {
            RunTrace trace = exchange.getProperty(RunTrace.PROPERTY, RunTrace.class);
            if (trace != null && exchange.getIn().getBody() instanceof Event event) {
                trace.entered(nodeId, event);
            }
        };
    }

    /** Processor for a node's emit: records the event going out and through which port. */
    public static Processor left(String nodeId, String port) {
        return exchange -> {
            RunTrace trace = exchange.getProperty(RunTrace.PROPERTY, RunTrace.class);
            if (trace != null) {
                Object body = exchange.getIn().getBody();
                trace.left(nodeId, port, body instanceof Event event ? event : null);
            }
        };
    }

    /**
     * Processor for an emit through a port wired to exactly one node: records the event leaving
     * {@code nodeId} and entering {@code next}, so the next node's route needs no processor of its own.
     */
    public static Processor handedOver(String nodeId, String port, String next) {
        return exchange -> {
            RunTrace trace = exchange.getProperty(RunTrace.PROPERTY, RunTrace.class);
            if (trace != null) {
                Object body = exchange.getIn().getBody();
                trace.handedOver(nodeId, port, body instanceof Event event ? event : null, next);
            }
        };
    }

    /** Tells the listeners how a run ended, once its exchange is done. */
    private final class RunCompletion implements Synchronization {
        private final String flowId;
        private final String triggerNodeId;
        private final RunTrace trace;
        private final Instant started = Instant.now();
        private final long startNanos = System.nanoTime();
        private final String eventId;

        RunCompletion(String flowId, String triggerNodeId, RunTrace trace, Exchange exchange) {
            this.flowId = flowId;
            this.triggerNodeId = triggerNodeId;
            this.trace = trace;
            this.eventId = exchange.getIn().getBody() instanceof Event e ? e.id() : exchange.getExchangeId();
        }

        /** The most pressing outcome wins when branches of one run ended differently. */
        @Override
        public void onComplete(Exchange done) {
            String gaveUp = done.getProperty(RunTrace.GAVE_UP, String.class);
            String deadLettered = done.getProperty(RunTrace.DEAD_LETTERED, String.class);
            String retrying = done.getProperty(RunTrace.RETRY_SCHEDULED, String.class);
            if (gaveUp != null) {
                publish(record(done, RunRecord.RunStatus.FAILED, gaveUp));
            } else if (deadLettered != null) {
                publish(record(done, RunRecord.RunStatus.DEAD_LETTERED, "dead-lettered at " + deadLettered));
            } else if (retrying != null) {
                publish(record(done, RunRecord.RunStatus.RETRYING, retrying));
            } else {
                publish(record(
                        done,
                        done.getProperty(FlowExchange.FILTERED_BY) != null
                                ? RunRecord.RunStatus.FILTERED
                                : RunRecord.RunStatus.SUCCESS,
                        null));
            }
        }

        @Override
        public void onFailure(Exchange failed) {
            Exception error = failed.getException();
            String message = error == null ? "failed" : error.getClass().getSimpleName() + ": " + error.getMessage();
            publish(record(failed, RunRecord.RunStatus.FAILED, message));
        }

        private RunRecord record(Exchange done, RunRecord.RunStatus status, String error) {
            return new RunRecord(
                    flowId,
                    triggerNodeId,
                    eventId,
                    status,
                    started,
                    System.nanoTime() - startNanos,
                    done.getProperty(FlowExchange.ENDED_AT, String.class),
                    error,
                    trace.runId(),
                    trace.parentRunId(),
                    trace.replayOf(),
                    trace.steps());
        }
    }

    private void publish(RunRecord finished) {
        RunRecord run;
        try {
            run = RunMasking.mask(finished, policies);
        } catch (RuntimeException e) {
            // never hand on an unmasked record: listeners would store or show what the policies hide
            LOG.error(
                    "Masking the record of event {} failed; the record is not kept: {}",
                    finished.eventId(),
                    e.toString());
            return;
        }
        for (RunListener listener : listeners) {
            try {
                listener.onRunFinished(run);
            } catch (RuntimeException e) {
                LOG.warn("Run listener {} failed on event {}", listener, run.eventId(), e);
            }
        }
    }
}
