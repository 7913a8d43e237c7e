package dev.switchboard.runtime.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.runtime.store.RunQueries;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code runs --json}: {"runs": [run…]}; {@code runs show --json}: {"eventId": …, "runs":
 * [run + "steps": [step…]]}. The fields are documented in docs/cli.md; keep them stable.
 */
public final class RunsJson {
    private RunsJson() {}

    /** How a run status is spelled in every output: the enum name in lower case, '-' for '_' (DEAD_LETTERED → dead-lettered). */
    public static String spell(String storedStatus) {
        return storedStatus.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String list(List<RunQueries.Run> runs) {
        ObjectNode root = ReportJson.NODES.objectNode();
        ArrayNode array = root.putArray("runs");
        runs.forEach(r -> array.add(run(r)));
        return ReportJson.write(root);
    }

    public static String path(List<RunQueries.RunPath> paths) {
        ObjectNode root = ReportJson.NODES.objectNode();
        root.put("eventId", paths.get(0).run().eventId());
        ArrayNode runs = root.putArray("runs");
        for (RunQueries.RunPath path : paths) {
            ObjectNode run = run(path.run());
            ArrayNode steps = run.putArray("steps");
            path.steps().forEach(s -> steps.add(step(s)));
            runs.add(run);
        }
        return ReportJson.write(root);
    }

    private static ObjectNode run(RunQueries.Run r) {
        ObjectNode o = ReportJson.NODES.objectNode();
        o.put("runId", r.runId());
        o.put("eventId", r.eventId());
        o.put("flowId", r.flowId());
        o.put("triggerNode", r.triggerNode());
        o.put("status", RunsJson.spell(r.status()));
        ReportJson.putInstant(o, "startedAt", r.startedAt());
        // exact: the store keeps microseconds, so milliseconds have at most three decimals
        o.put("durationMs", BigDecimal.valueOf(r.durationMicros(), 3));
        o.put("endedAtPort", r.endedAt());
        o.put("error", r.error());
        o.put("parentRunId", r.parentRunId());
        o.put("replayOf", r.replayOf());
        o.put("history", r.history());
        o.put("dataKept", r.dataKept());
        o.put("dataNotKept", r.dataNotKept());
        return o;
    }

    private static ObjectNode step(RunQueries.Step s) {
        ObjectNode o = ReportJson.NODES.objectNode();
        o.put("step", s.stepNo());
        o.put("nodeId", s.nodeId());
        o.put("port", s.port());
        ReportJson.putInstant(o, "at", s.at());
        o.set("input", ReportJson.event(s.input()));
        o.set("output", ReportJson.event(s.output()));
        o.put("error", s.error());
        o.put("warning", s.warning());
        ArrayNode policies = o.putArray("policies");
        s.policies().forEach(policies::add);
        return o;
    }
}
