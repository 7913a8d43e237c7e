package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FlowExchange;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.Synchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Notices when an event enters a flow at its trigger and tells listeners how its run ended. */
public final class RunTracker {
    private static final Logger LOG = LoggerFactory.getLogger(RunTracker.class);
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(RunListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RunListener listener) {
        listeners.remove(listener);
    }

    /** The processor a trigger's route runs as the event leaves the trigger. */
    public Processor begin(String flowId, String triggerNodeId) {
        return exchange -> {
            exchange.setProperty(FlowExchange.FLOW_ID, flowId);
            Instant started = Instant.now();
            long startNanos = System.nanoTime();
            String eventId = exchange.getIn().getBody() instanceof Event e ? e.id() : exchange.getExchangeId();
            exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
                @Override
                public void onComplete(Exchange done) {
                    RunRecord.RunStatus status = done.getProperty(FlowExchange.FILTERED_BY) != null
                            ? RunRecord.RunStatus.FILTERED : RunRecord.RunStatus.SUCCESS;
                    publish(new RunRecord(flowId, triggerNodeId, eventId, status, started,
                            System.nanoTime() - startNanos, done.getProperty(FlowExchange.ENDED_AT, String.class), null));
                }

                @Override
                public void onFailure(Exchange failed) {
                    Exception error = failed.getException();
                    String message = error == null ? "failed" : error.getClass().getSimpleName() + ": " + error.getMessage();
                    publish(new RunRecord(flowId, triggerNodeId, eventId, RunRecord.RunStatus.FAILED, started,
                            System.nanoTime() - startNanos, failed.getProperty(FlowExchange.ENDED_AT, String.class), message));
                }
            });
        };
    }

    private void publish(RunRecord run) {
        for (RunListener listener : listeners) {
            try {
                listener.onRunFinished(run);
            } catch (RuntimeException e) {
                LOG.warn("Run listener {} failed on event {}", listener, run.eventId(), e);
            }
        }
    }
}
