package dev.switchboard.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.engine.StepRecord;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveMonitorTest {
    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    static final Event EVENT = Event.create("/test", "t", Json.parse("{\"n\": 1}"));

    final LiveMonitor monitor = new LiveMonitor(LiveMonitor.DEFAULT_CAPACITY);

    /** hook → hot (filter: matched → out; unmatched unwired) → out (capture); out's "out" unwired. */
    static Flow leads() {
        return flow("leads", List.of(Wire.of("hook", "hot"), Wire.of("hot", "matched", "out")), "hook", "hot", "out");
    }

    static Flow flow(String id, List<Wire> wires, String... nodeIds) {
        List<Node> nodes = new ArrayList<>();
        for (String nodeId : nodeIds) {
            nodes.add(new Node(nodeId, "test.capture", null, ConfigValue.object(), null));
        }
        return new Flow(FlowFormat.CURRENT, id, id, null, null, nodes, wires, null);
    }

    static StepRecord step(String nodeId, String port) {
        return new StepRecord(nodeId, port, T0, EVENT, port == null ? null : EVENT, null);
    }

    static StepRecord failedStep(String nodeId, String error) {
        return new StepRecord(nodeId, null, T0, EVENT, null, error);
    }

    static RunRecord run(String flowId, RunStatus status, String error, StepRecord... steps) {
        return new RunRecord(
                flowId,
                steps[0].nodeId(),
                EVENT.id(),
                status,
                T0,
                1_000,
                null,
                error,
                Event.newId(),
                null,
                null,
                List.of(steps));
    }

    static RunRecord run(String flowId, StepRecord... steps) {
        return run(flowId, RunStatus.SUCCESS, null, steps);
    }

    NodeStats stats(String flowId, String nodeId) {
        return monitor.snapshot(0).nodes().get(new NodeKey(flowId, nodeId));
    }

    static long[] counts(NodeStats s) {
        return new long[] {s.in(), s.out(), s.filtered(), s.errors()};
    }

    @Test
    void everyStepCountsInAndAHandOverCountsOutIncludingTheTriggersOwnEvent() {
        monitor.watch(leads());
        monitor.onRunFinished(run("leads", step("hook", "out"), step("hot", "matched"), step("out", "out")));

        assertThat(counts(stats("leads", "hook"))).containsExactly(1, 1, 0, 0);
        assertThat(counts(stats("leads", "hot"))).containsExactly(1, 1, 0, 0);
        assertThat(counts(stats("leads", "out"))).containsExactly(1, 1, 0, 0);
        assertThat(stats("leads", "out").lastFailed()).isFalse();
    }

    @Test
    void anUnwiredPortOtherThanOutCountsFilteredAndAWiredOneCountsOut() {
        monitor.watch(leads());
        monitor.onRunFinished(run("leads", RunStatus.FILTERED, null, step("hook", "out"), step("hot", "unmatched")));
        assertThat(counts(stats("leads", "hot"))).containsExactly(1, 0, 1, 0);

        monitor.watch(flow(
                "leads",
                List.of(Wire.of("hook", "hot"), Wire.of("hot", "matched", "out"), Wire.of("hot", "unmatched", "out")),
                "hook",
                "hot",
                "out"));
        monitor.onRunFinished(run("leads", step("hook", "out"), step("hot", "unmatched"), step("out", "out")));
        assertThat(counts(stats("leads", "hot"))).containsExactly(2, 1, 1, 0);
    }

    @Test
    void aFlowNotWatchedCountsEveryPortButErrorAsOut() {
        monitor.onRunFinished(run("unknown", step("in", "out"), step("f", "unmatched")));
        assertThat(counts(stats("unknown", "f"))).containsExactly(1, 1, 0, 0);

        monitor.watch(leads());
        monitor.forget("leads");
        monitor.onRunFinished(run("leads", step("hook", "out"), step("hot", "unmatched")));
        assertThat(counts(stats("leads", "hot"))).containsExactly(1, 1, 0, 0);
    }

    @Test
    void aStepErrorCountsAnErrorAndMarksTheNodeFailedUntilItsNextSuccess() {
        monitor.watch(leads());
        Instant failedAt = T0.plusSeconds(5);
        monitor.onRunFinished(run(
                "leads",
                RunStatus.DEAD_LETTERED,
                "dead-lettered at out",
                step("hook", "out"),
                step("hot", "matched"),
                new StepRecord("out", null, failedAt, EVENT, null, "IOException: refused")));

        NodeStats failed = stats("leads", "out");
        assertThat(counts(failed)).containsExactly(1, 0, 0, 1);
        assertThat(failed.lastError()).isEqualTo("IOException: refused");
        assertThat(failed.lastErrorAt()).isEqualTo(failedAt);
        assertThat(failed.lastFailed()).isTrue();

        monitor.onRunFinished(run("leads", step("hook", "out"), step("hot", "matched"), step("out", "out")));
        NodeStats recovered = stats("leads", "out");
        assertThat(counts(recovered)).containsExactly(2, 1, 0, 1);
        assertThat(recovered.lastFailed()).isFalse();
        assertThat(recovered.lastError()).isEqualTo("IOException: refused");
    }

    @Test
    void anEventRoutedToTheErrorPortCountsAsAnErrorWithItsMessage() {
        monitor.watch(flow(
                "branch", List.of(Wire.of("in", "call"), Wire.of("call", "error", "catch")), "in", "call", "catch"));
        Event routed = new Event(
                EVENT.id(),
                EVENT.source(),
                EVENT.type(),
                EVENT.time(),
                null,
                null,
                EVENT.data(),
                Map.of("error", "HTTP 503", "errornode", "call"));
        monitor.onRunFinished(run(
                "branch",
                step("in", "out"),
                new StepRecord("call", "error", T0, EVENT, routed, null),
                step("catch", "out")));
        monitor.onRunFinished(
                run("branch", step("in", "out"), new StepRecord("call", "error", T0, EVENT, EVENT, null)));

        NodeStats call = stats("branch", "call");
        assertThat(counts(call)).containsExactly(2, 0, 0, 2);
        assertThat(call.lastError()).isEqualTo("routed to the error port");
        assertThat(call.lastFailed()).isTrue();
        assertThat(monitor.snapshot(0).messages())
                .filteredOn(m -> m.nodeId().equals("call"))
                .extracting(LiveMessage::port)
                .containsOnly("error");
    }

    static StepRecord warnedStep(String nodeId, String warning) {
        return new StepRecord(nodeId, "out", T0, EVENT, EVENT, null, warning, List.of());
    }

    @Test
    void aContractWarningIsCountedApartFromErrorsKeepsTheLatestFewAndReachesTheMessage() {
        monitor.watch(leads());
        for (int i = 1; i <= 4; i++) {
            monitor.onRunFinished(run(
                    "leads",
                    step("hook", "out"),
                    warnedStep("hot", "breaks the contract orders@1: /total: must be a number (" + i + ")"),
                    step("out", "out")));
        }

        NodeStats hot = stats("leads", "hot");
        assertThat(counts(hot)).as("the events went on: out, not errors").containsExactly(4, 4, 0, 0);
        assertThat(hot.warnings()).isEqualTo(4);
        assertThat(hot.recentWarnings())
                .as("the latest %d, oldest first", NodeStats.RECENT_WARNINGS)
                .containsExactly(
                        "breaks the contract orders@1: /total: must be a number (2)",
                        "breaks the contract orders@1: /total: must be a number (3)",
                        "breaks the contract orders@1: /total: must be a number (4)");
        assertThat(stats("leads", "out").warnings()).isZero();
        assertThat(monitor.snapshot(0).messages())
                .filteredOn(m -> m.nodeId().equals("hot"))
                .extracting(LiveMessage::warning)
                .last()
                .isEqualTo("breaks the contract orders@1: /total: must be a number (4)");

        monitor.reset();
        assertThat(stats("leads", "hot").warnings()).isZero();
        assertThat(stats("leads", "hot").recentWarnings()).isEmpty();
    }

    @Test
    void aWarningIsMaskedLikeErrors() {
        dev.switchboard.runtime.secrets.SecretMask mask = new dev.switchboard.runtime.secrets.SecretMask();
        mask.add("s3cr3t-value");
        LiveMonitor masked = new LiveMonitor(10, mask);
        masked.onRunFinished(run("f", warnedStep("hook", "breaks the contract a: /token: 's3cr3t-value' is too long")));

        NodeStats hook = masked.snapshot(0).nodes().get(new NodeKey("f", "hook"));
        assertThat(hook.recentWarnings()).singleElement().asString().doesNotContain("s3cr3t-value");
        assertThat(masked.snapshot(0).messages().get(0).warning()).doesNotContain("s3cr3t-value");
    }

    @Test
    void anEventDroppedInsideANodeCountsOnlyIn() {
        monitor.watch(leads());
        monitor.onRunFinished(run("leads", step("hook", "out"), step("hot", null)));
        assertThat(counts(stats("leads", "hot"))).containsExactly(1, 0, 0, 0);
        assertThat(stats("leads", "hot").lastFailed()).isFalse();
    }

    @Test
    void aFailedRunWithoutAStepErrorIsChargedToTheStepWhereItStopped() {
        monitor.watch(leads());
        monitor.onRunFinished(run(
                "leads",
                RunStatus.FAILED,
                "IllegalStateException: boom",
                step("hook", "out"),
                step("hot", "matched"),
                step("out", null)));

        NodeStats out = stats("leads", "out");
        assertThat(counts(out)).containsExactly(1, 0, 0, 1);
        assertThat(out.lastError()).isEqualTo("IllegalStateException: boom");
        assertThat(counts(stats("leads", "hot"))).containsExactly(1, 1, 0, 0);
        assertThat(monitor.snapshot(0).messages()).last().satisfies(m -> {
            assertThat(m.error()).isEqualTo("IllegalStateException: boom");
            assertThat(m.runStatus()).isEqualTo(RunStatus.FAILED);
        });
    }

    @Test
    void lastActivityIsTheStepsTimeOrTheRunsStartWhenTheStepHasNone() {
        monitor.watch(leads());
        Instant later = T0.plusSeconds(3);
        monitor.onRunFinished(run(
                "leads",
                step("hook", "out"),
                new StepRecord("hot", "matched", later, EVENT, EVENT, null),
                new StepRecord("out", "out", null, EVENT, EVENT, null)));

        assertThat(stats("leads", "hot").lastActivityAt()).isEqualTo(later);
        assertThat(stats("leads", "out").lastActivityAt()).isEqualTo(T0);
        assertThat(monitor.snapshot(0).messages())
                .last()
                .extracting(LiveMessage::at)
                .isEqualTo(T0);
    }

    @Test
    void watchedNodesAppearWithZeroCountersBeforeAnyEvent() {
        monitor.watch(leads());
        assertThat(monitor.snapshot(0).nodes())
                .containsOnlyKeys(
                        new NodeKey("leads", "hook"), new NodeKey("leads", "hot"), new NodeKey("leads", "out"));
        assertThat(counts(stats("leads", "hot"))).containsExactly(0, 0, 0, 0);
    }

    @Test
    void eachStepIsOneMessageInStepOrderAndSnapshotsPageBySeq() {
        monitor.watch(leads());
        Event output = EVENT.withSubject("changed");
        RunRecord first = run(
                "leads",
                step("hook", "out"),
                new StepRecord("hot", "matched", T0, EVENT, output, null),
                step("out", "out"));
        monitor.onRunFinished(first);

        LiveSnapshot all = monitor.snapshot(0);
        assertThat(all.lastSeq()).isEqualTo(3);
        assertThat(all.dropped()).isZero();
        assertThat(all.messages()).extracting(LiveMessage::seq).containsExactly(1L, 2L, 3L);
        assertThat(all.messages()).extracting(LiveMessage::nodeId).containsExactly("hook", "hot", "out");
        LiveMessage hot = all.messages().get(1);
        assertThat(hot.flowId()).isEqualTo("leads");
        assertThat(hot.port()).isEqualTo("matched");
        assertThat(hot.runId()).isEqualTo(first.runId());
        assertThat(hot.eventId()).isEqualTo(EVENT.id());
        assertThat(hot.input()).isSameAs(EVENT);
        assertThat(hot.output()).isSameAs(output);
        assertThat(hot.error()).isNull();
        assertThat(hot.runStatus()).isEqualTo(RunStatus.SUCCESS);

        monitor.onRunFinished(run("leads", RunStatus.FILTERED, null, step("hook", "out"), step("hot", "unmatched")));
        LiveSnapshot next = monitor.snapshot(all.lastSeq());
        assertThat(next.messages()).extracting(LiveMessage::seq).containsExactly(4L, 5L);
        assertThat(next.messages()).extracting(LiveMessage::runStatus).containsOnly(RunStatus.FILTERED);
        assertThat(monitor.snapshot(next.lastSeq()).messages()).isEmpty();
    }

    @Test
    void theBufferKeepsTheNewestMessagesAndCountsThoseThatFellOut() {
        LiveMonitor small = new LiveMonitor(100);
        for (int i = 0; i < 10_000; i++) {
            small.onRunFinished(run("many", step("in", "out")));
        }

        LiveSnapshot fromStart = small.snapshot(0);
        assertThat(fromStart.messages()).hasSize(100);
        assertThat(fromStart.messages().get(0).seq()).isEqualTo(9_901);
        assertThat(fromStart.lastSeq()).isEqualTo(10_000);
        assertThat(fromStart.dropped()).isEqualTo(9_900);
        LiveSnapshot recent = small.snapshot(9_950);
        assertThat(recent.messages()).hasSize(50);
        assertThat(recent.dropped()).isZero();
        LiveSnapshot behind = small.snapshot(9_000);
        assertThat(behind.messages()).hasSize(100);
        assertThat(behind.dropped()).isEqualTo(900);
        assertThat(small.heldMessages()).isEqualTo(100);
        assertThat(counts(small.snapshot(0).nodes().get(new NodeKey("many", "in"))))
                .containsExactly(10_000, 10_000, 0, 0);
    }

    @Test
    void aRunWithMoreStepsThanTheCapacityKeepsItsLastSteps() {
        LiveMonitor tiny = new LiveMonitor(2);
        tiny.onRunFinished(run("long", step("a", "out"), step("b", "out"), step("c", "out")));
        assertThat(tiny.snapshot(0).messages()).extracting(LiveMessage::nodeId).containsExactly("b", "c");
        assertThat(tiny.snapshot(0).dropped()).isEqualTo(1);
    }

    @Test
    void shrinkingTheCapacityDropsTheOldestAtOnceAndGrowingKeepsWhatIsThere() {
        for (int i = 0; i < 10; i++) {
            monitor.onRunFinished(run("f", step("n" + i, "out")));
        }
        monitor.setCapacity(3);
        assertThat(monitor.capacity()).isEqualTo(3);
        assertThat(monitor.snapshot(0).messages())
                .extracting(LiveMessage::nodeId)
                .containsExactly("n7", "n8", "n9");
        assertThat(monitor.snapshot(0).dropped()).isEqualTo(7);
        assertThat(monitor.heldMessages()).isEqualTo(3);

        monitor.setCapacity(5);
        monitor.onRunFinished(run("f", step("n10", "out")));
        assertThat(monitor.snapshot(0).messages())
                .extracting(LiveMessage::nodeId)
                .containsExactly("n7", "n8", "n9", "n10");
        assertThatThrownBy(() -> monitor.setCapacity(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new LiveMonitor(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetZeroesCountersAndClearsMessagesWhileSeqKeepsGrowing() {
        monitor.watch(leads());
        monitor.onRunFinished(run("leads", RunStatus.FAILED, "boom", step("hook", "out"), failedStep("hot", "boom")));
        monitor.onRunFinished(run("gone", step("in", "out")));

        monitor.reset();

        LiveSnapshot cleared = monitor.snapshot(0);
        assertThat(cleared.messages()).isEmpty();
        assertThat(monitor.heldMessages()).isZero();
        assertThat(cleared.dropped()).isZero();
        assertThat(cleared.lastSeq()).isEqualTo(3);
        assertThat(cleared.nodes()).doesNotContainKey(new NodeKey("gone", "in"));
        NodeStats hot = cleared.nodes().get(new NodeKey("leads", "hot"));
        assertThat(counts(hot)).containsExactly(0, 0, 0, 0);
        assertThat(hot.lastError()).isNull();
        assertThat(hot.lastFailed()).isFalse();
        assertThat(hot.lastActivityAt()).isNull();

        monitor.onRunFinished(run("leads", step("hook", "out")));
        assertThat(monitor.snapshot(0).messages()).extracting(LiveMessage::seq).containsExactly(4L);
        assertThat(monitor.snapshot(0).dropped()).isZero();
    }

    @Test
    void countersStayExactUnderFourThreadsFeedingAtOnce() throws Exception {
        monitor.watch(leads());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> feeders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                feeders.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        if (i % 2 == 0) {
                            monitor.onRunFinished(
                                    run("leads", step("hook", "out"), step("hot", "matched"), step("out", "out")));
                        } else {
                            monitor.onRunFinished(run(
                                    "leads", RunStatus.FILTERED, null, step("hook", "out"), step("hot", "unmatched")));
                        }
                        if (i % 1_000 == 0) {
                            monitor.snapshot(0);
                        }
                    }
                }));
            }
            for (Future<?> feeder : feeders) {
                feeder.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(counts(stats("leads", "hook"))).containsExactly(40_000, 40_000, 0, 0);
        assertThat(counts(stats("leads", "hot"))).containsExactly(40_000, 20_000, 20_000, 0);
        assertThat(counts(stats("leads", "out"))).containsExactly(20_000, 20_000, 0, 0);
        LiveSnapshot end = monitor.snapshot(0);
        assertThat(end.lastSeq()).isEqualTo(100_000);
        assertThat(end.messages()).hasSize(LiveMonitor.DEFAULT_CAPACITY);
        assertThat(end.dropped()).isEqualTo(100_000 - LiveMonitor.DEFAULT_CAPACITY);
        assertThat(end.messages()).extracting(LiveMessage::seq).isSorted().doesNotHaveDuplicates();
    }
}
