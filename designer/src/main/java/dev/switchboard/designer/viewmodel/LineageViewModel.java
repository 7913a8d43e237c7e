package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.report.LineageGraph;
import dev.switchboard.runtime.store.RunQueries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * An event's lineage: every run it caused across flows (handed on to another flow, retried,
 * replayed), as boxes in columns by how many hand-overs from the first run, with arrows from each
 * run to the runs it caused — what {@code switchboard runs show ID --graph} draws, laid out for the canvas.
 */
public final class LineageViewModel {
    /**
     * One run.
     *
     * @param column how many hand-overs from a run nothing caused (0)
     * @param row its place among the runs of its column, oldest first
     * @param nodes the nodes it passed, in order; a node that failed ends in " ✗"
     */
    public record Box(
            String runId,
            String flowId,
            String status,
            double millis,
            List<String> nodes,
            Long replayOf,
            int column,
            int row) {
        public Box {
            nodes = List.copyOf(nodes);
        }

        /** "orders · success · 4.2 ms" */
        public String title() {
            return String.format(
                    Locale.ROOT,
                    "%s · %s · %.1f ms",
                    flowId,
                    status.toLowerCase(Locale.ROOT).replace('_', '-'),
                    millis);
        }
    }

    /** Run {@code from} caused run {@code to}: {@code handed on} or {@code retry}. */
    public record Arrow(String from, String to, String cause) {}

    /** The graph of one event. */
    public record Lineage(String eventId, List<Box> boxes, List<Arrow> arrows) {
        public Lineage {
            boxes = List.copyOf(boxes);
            arrows = List.copyOf(arrows);
        }
    }

    private final RunHost host;
    private final ReadOnlyObjectWrapper<Lineage> lineage = new ReadOnlyObjectWrapper<>();

    LineageViewModel(RunHost host) {
        this.host = host;
    }

    /** The shown lineage, or null. */
    public ReadOnlyObjectProperty<Lineage> lineageProperty() {
        return lineage.getReadOnlyProperty();
    }

    /** Looks up an event (or one of its runs) in the run history and shows every run it caused. */
    public void show(String eventOrRunId) {
        if (eventOrRunId == null || eventOrRunId.isBlank()) {
            return;
        }
        String id = eventOrRunId.strip();
        host.submit("Lineage", session -> session.trace(id), runs -> {
            if (runs.isEmpty()) {
                host.status("Lineage: no run of '" + id + "' in the history (yet)");
                return;
            }
            Lineage shown = of(runs);
            lineage.set(shown);
            host.status("Lineage of " + shown.eventId() + ": " + shown.boxes().size() + " run(s) in "
                    + shown.boxes().stream().map(Box::flowId).distinct().count() + " flow(s)");
        });
    }

    public void clear() {
        lineage.set(null);
    }

    /** Lays the runs out: a run's column is one right of the run that caused it. */
    static Lineage of(List<RunQueries.RunPath> paths) {
        Map<String, RunQueries.RunPath> byId = new LinkedHashMap<>();
        paths.forEach(p -> byId.put(p.run().runId(), p));
        Map<String, Integer> columns = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        List<Box> boxes = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        for (RunQueries.RunPath path : paths) { // oldest first: a parent is placed before what it caused
            RunQueries.Run run = path.run();
            int column = column(run, byId, columns);
            int row = rows.merge(column, 1, Integer::sum) - 1;
            boxes.add(new Box(
                    run.runId(),
                    run.flowId(),
                    run.status(),
                    run.durationMicros() / 1000.0,
                    path.steps().stream()
                            .map(s -> s.error() != null ? s.nodeId() + " ✗" : s.nodeId())
                            .toList(),
                    run.replayOf(),
                    column,
                    row));
            if (run.parentRunId() != null && byId.containsKey(run.parentRunId())) {
                arrows.add(new Arrow(run.parentRunId(), run.runId(), LineageGraph.cause(run, paths)));
            }
        }
        return new Lineage(paths.get(0).run().eventId(), boxes, arrows);
    }

    private static int column(RunQueries.Run run, Map<String, RunQueries.RunPath> byId, Map<String, Integer> columns) {
        Integer known = columns.get(run.runId());
        if (known != null) {
            return known;
        }
        RunQueries.RunPath parent = run.parentRunId() == null ? null : byId.get(run.parentRunId());
        // a parent run always started earlier; the guard only stops a cycle in damaged history
        columns.put(run.runId(), 0);
        int column = parent == null ? 0 : column(parent.run(), byId, columns) + 1;
        columns.put(run.runId(), column);
        return column;
    }
}
