package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.store.RunQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Tracing one event: every run of it across flows (from the store's run history and lineage),
 * and the path it took through the open flow for the canvas to highlight.
 */
public final class TraceViewModel {

    /**
     * A traced event.
     *
     * @param runs every run of the event, oldest first (a flow it was published to, a replay …)
     * @param run the run shown on the canvas: the latest one through the open flow, or null
     * @param path the open flow's nodes the event passed, in order (a node once, at its first visit)
     * @param stepByNode the step at each of those nodes (its last visit), with input and output
     */
    public record Trace(
            String eventId,
            List<RunQueries.RunPath> runs,
            RunQueries.Run run,
            List<String> path,
            Map<String, RunQueries.Step> stepByNode) {
        public Optional<RunQueries.Step> step(String nodeId) {
            return Optional.ofNullable(stepByNode.get(nodeId));
        }

        /** The central policies' decisions at {@code nodeId} ({@code cards: masked data} …), if it passed there. */
        public List<String> policies(String nodeId) {
            return step(nodeId).map(RunQueries.Step::policies).orElse(List.of());
        }

        /** Whether the event left {@code from} through {@code port} — the wire it took. */
        public boolean tookWire(String from, String port, String to) {
            RunQueries.Step step = stepByNode.get(from);
            return step != null && port.equals(step.port()) && stepByNode.containsKey(to);
        }
    }

    private final RunHost host;
    private final Supplier<String> openFlowId;
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>();

    TraceViewModel(RunHost host, Supplier<String> openFlowId) {
        this.host = host;
        this.openFlowId = openFlowId;
    }

    /** The traced event, or null. */
    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** Looks up an event (or run) id in the run history and shows its path. */
    public void trace(String eventOrRunId) {
        if (eventOrRunId == null || eventOrRunId.isBlank()) {
            return;
        }
        String flowId = openFlowId.get();
        host.submit("Trace", session -> session.trace(eventOrRunId.strip()), runs -> {
            if (runs.isEmpty()) {
                host.status("Trace: no run of '" + eventOrRunId + "' in the history (yet)");
                return;
            }
            Trace t = of(runs, flowId);
            trace.set(t);
            host.status(
                    t.run() == null
                            ? "Event " + t.eventId() + " did not pass this flow; it ran in " + flowsOf(runs)
                            : "Event " + t.eventId() + ": " + String.join(" → ", t.path()) + " ("
                                    + t.run().status().toLowerCase().replace('_', ' ') + ")");
        });
    }

    public void clear() {
        trace.set(null);
    }

    static Trace of(List<RunQueries.RunPath> runs, String flowId) {
        RunQueries.RunPath shown = null;
        for (RunQueries.RunPath p : runs) {
            if (p.run().flowId().equals(flowId)) {
                shown = p; // oldest first: the last one through this flow wins
            }
        }
        List<String> path = new ArrayList<>();
        Map<String, RunQueries.Step> steps = new LinkedHashMap<>();
        if (shown != null) {
            for (RunQueries.Step step : shown.steps()) {
                if (!path.contains(step.nodeId())) {
                    path.add(step.nodeId());
                }
                steps.put(step.nodeId(), step);
            }
        }
        return new Trace(
                runs.get(0).run().eventId(), runs, shown == null ? null : shown.run(), List.copyOf(path), steps);
    }

    private static String flowsOf(List<RunQueries.RunPath> runs) {
        return String.join(
                ", ", runs.stream().map(r -> r.run().flowId()).distinct().toList());
    }
}
