package dev.switchboard.runtime.admin;

import dev.switchboard.runtime.engine.RunListener;
import dev.switchboard.runtime.engine.RunRecord;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Runs per flow and status since this process started, for {@code GET /api/flows}. */
public final class FlowCounters implements RunListener {
    private final Map<String, Counts> byFlow = new ConcurrentHashMap<>();

    /** One flow's counts; {@code lastRunAt} is null before its first run. */
    public record Snapshot(Map<RunRecord.RunStatus, Long> byStatus, long total, Instant lastRunAt) {}

    private static final class Counts {
        final Map<RunRecord.RunStatus, LongAdder> byStatus = new EnumMap<>(RunRecord.RunStatus.class);
        volatile Instant lastRunAt;

        Counts() {
            for (RunRecord.RunStatus s : RunRecord.RunStatus.values()) {
                byStatus.put(s, new LongAdder());
            }
        }
    }

    @Override
    public void onRunFinished(RunRecord run) {
        Counts counts = byFlow.computeIfAbsent(run.flowId(), id -> new Counts());
        counts.byStatus.get(run.status()).increment();
        counts.lastRunAt = run.startedAt();
    }

    public Snapshot of(String flowId) {
        Counts counts = byFlow.get(flowId);
        Map<RunRecord.RunStatus, Long> values = new EnumMap<>(RunRecord.RunStatus.class);
        long total = 0;
        for (RunRecord.RunStatus s : RunRecord.RunStatus.values()) {
            long n = counts == null ? 0 : counts.byStatus.get(s).sum();
            values.put(s, n);
            total += n;
        }
        return new Snapshot(values, total, counts == null ? null : counts.lastRunAt);
    }
}
