package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.store.RunQueries;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageViewModelTest {
    private static final Instant AT = Instant.parse("2026-11-30T01:00:00Z");

    @Test
    void aRunIsOneColumnRightOfTheRunThatCausedItAndARetryIsNamedSo() {
        List<RunQueries.RunPath> paths = List.of(
                path("r1", "intake", "SUCCESS", null, step("r1", "hook", null), step("r1", "publish", null)),
                path("r2", "audit", "RETRYING", "r1", step("r2", "orders", null), step("r2", "save", "disk full")),
                path("r3", "billing", "SUCCESS", "r1", step("r3", "orders", null)),
                path("r4", "audit", "SUCCESS", "r2", step("r4", "save", null)));

        LineageViewModel.Lineage lineage = LineageViewModel.of(paths);

        assertThat(lineage.eventId()).isEqualTo("evt-1");
        assertThat(lineage.boxes())
                .extracting(LineageViewModel.Box::runId, LineageViewModel.Box::column, LineageViewModel.Box::row)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r1", 0, 0),
                        org.assertj.core.groups.Tuple.tuple("r2", 1, 0),
                        org.assertj.core.groups.Tuple.tuple("r3", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("r4", 2, 0));
        assertThat(lineage.boxes().get(1).nodes()).containsExactly("orders", "save ✗");
        assertThat(lineage.boxes().get(1).title()).isEqualTo("audit · retrying · 1.5 ms");
        assertThat(lineage.arrows())
                .containsExactly(
                        new LineageViewModel.Arrow("r1", "r2", "handed on"),
                        new LineageViewModel.Arrow("r1", "r3", "handed on"),
                        new LineageViewModel.Arrow("r2", "r4", "retry"));
    }

    private static RunQueries.RunPath path(
            String runId, String flowId, String status, String parent, RunQueries.Step... steps) {
        return new RunQueries.RunPath(
                new RunQueries.Run(
                        runId, "evt-1", flowId, steps[0].nodeId(), status, AT, 1500, null, null, parent, null, "full"),
                List.of(steps));
    }

    private static RunQueries.Step step(String runId, String node, String error) {
        return new RunQueries.Step(runId, 0, node, error == null ? "out" : null, AT, null, null, error);
    }
}
