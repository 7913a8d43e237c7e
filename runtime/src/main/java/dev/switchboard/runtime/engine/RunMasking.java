package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.FieldMasker;
import dev.switchboard.runtime.policy.PolicyDecision;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The central chokepoint of masking: a finished run's record is masked here, once, before any
 * {@link RunListener} sees it — run history, the live monitor behind the designer's messages and
 * trace, the event log lines and the metrics all get the masked copy. The events that ran stay as
 * they were. Each step that had a field masked says so in its {@link StepRecord#policies}.
 */
final class RunMasking {
    private RunMasking() {}

    /** The run's steps with every masked field masked, and its error with the masked values blanked. */
    static RunRecord mask(RunRecord run, CentralPolicies policies) {
        FieldMasker masker = policies.masker();
        if (masker.isEmpty() || run.steps().isEmpty()) {
            return run;
        }
        Map<Event, FieldMasker.Masked> seen = new IdentityHashMap<>();
        List<Event> originals = new ArrayList<>();
        List<StepRecord> steps = new ArrayList<>(run.steps().size());
        for (StepRecord step : run.steps()) {
            FieldMasker.Masked in = masked(step.input(), masker, seen, originals);
            FieldMasker.Masked out = masked(step.output(), masker, seen, originals);
            Set<String> rules = new LinkedHashSet<>();
            if (in != null) {
                rules.addAll(in.rules());
            }
            if (out != null) {
                rules.addAll(out.rules());
            }
            List<String> decisions = new ArrayList<>(step.policies());
            for (String rule : rules) {
                PolicyDecision decision = new PolicyDecision(run.flowId(), step.nodeId(), rule, "masked", "");
                policies.decided(decision);
                decisions.add(decision.summary());
            }
            steps.add(new StepRecord(
                    step.nodeId(),
                    step.port(),
                    step.at(),
                    in == null ? null : in.event(),
                    out == null ? null : out.event(),
                    masker.maskValues(step.error(), originals),
                    masker.maskValues(step.warning(), originals),
                    decisions));
        }
        return new RunRecord(
                run.flowId(),
                run.triggerNodeId(),
                run.eventId(),
                run.status(),
                run.startedAt(),
                run.durationNanos(),
                run.endedAt(),
                masker.maskValues(run.error(), originals),
                run.runId(),
                run.parentRunId(),
                run.replayOf(),
                steps);
    }

    private static FieldMasker.Masked masked(
            Event event, FieldMasker masker, Map<Event, FieldMasker.Masked> seen, List<Event> originals) {
        if (event == null) {
            return null;
        }
        return seen.computeIfAbsent(event, e -> {
            originals.add(e);
            return masker.mask(e);
        });
    }
}
