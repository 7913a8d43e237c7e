package dev.switchboard.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.report.LineageGraph.Format;
import dev.switchboard.runtime.store.RunQueries.Run;
import dev.switchboard.runtime.store.RunQueries.RunPath;
import dev.switchboard.runtime.store.RunQueries.Step;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An order event handed from an intake flow to two subscribers, one of which failed, was retried and replayed. */
class LineageGraphTest {
    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    static final List<RunPath> ORDER = List.of(
            path(run("r-intake", "intake", "SUCCESS", 2100, null, null), "hook", "publish"),
            path(run("r-audit", "audit \"eu\"", "SUCCESS", 800, "r-intake", null), "in", "to-file"),
            path(run("r-erp", "erp", "RETRYING", 5000, "r-intake", null), "in", "to-erp"),
            path(run("r-erp-2", "erp", "DEAD_LETTERED", 5200, "r-erp", null), "to-erp"),
            path(run("r-erp-3", "erp", "SUCCESS", 900, null, 7L)));

    @Test
    void mermaidHasOneBoxPerRunAndAnArrowPerCause() {
        String graph = LineageGraph.render(ORDER, Format.MERMAID);

        assertThat(graph)
                .startsWith("flowchart LR\n")
                .contains("run0[\"intake · success · 2.1 ms<br/>hook → publish\"]:::success")
                .contains("run1[\"audit #quot;eu#quot; · success · 0.8 ms<br/>in → to-file\"]:::success")
                .contains("run3[\"erp · dead-lettered · 5.2 ms<br/>to-erp ✗\"]:::failed")
                .contains("run4[\"erp · success · 0.9 ms · replay of dead letter 7<br/>(steps not kept)\"]")
                .contains("run0 -->|handed on| run1", "run0 -->|handed on| run2", "run2 -->|retry| run3");
        assertThat(graph.lines().filter(line -> line.contains("-->"))).hasSize(3);
    }

    @Test
    void dotQuotesLabelsAndColoursByStatus() {
        String graph = LineageGraph.render(ORDER, Format.DOT);

        assertThat(graph)
                .startsWith("digraph lineage {")
                .contains("run1 [label=\"audit \\\"eu\\\" · success · 0.8 ms\\nin → to-file\", fillcolor=\"#d9f2e3\"];")
                .contains("run2 [label=\"erp · retrying · 5.0 ms\\nin → to-erp\", fillcolor=\"#fff3cd\"];")
                .contains("run2 -> run3 [label=\"retry\"];")
                .endsWith("}\n");
    }

    @Test
    void aRunWhoseParentIsNotInThePathHasNoArrow() {
        List<RunPath> orphan = List.of(path(run("r-x", "x", "FAILED", 10, "gone", null), "in"));

        assertThat(LineageGraph.render(orphan, Format.MERMAID))
                .doesNotContain("-->")
                .contains(":::failed");
    }

    private static Run run(String id, String flow, String status, long micros, String parent, Long replayOf) {
        return new Run(id, "ev-1", flow, "in", status, T0, micros, null, null, parent, replayOf, "full");
    }

    private static RunPath path(Run run, String... nodes) {
        List<Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            String error = run.status().equals("DEAD_LETTERED") ? "HTTP 503" : null;
            steps.add(new Step(run.runId(), i, nodes[i], error == null ? "out" : null, T0, null, null, error));
        }
        return new RunPath(run, steps);
    }
}
