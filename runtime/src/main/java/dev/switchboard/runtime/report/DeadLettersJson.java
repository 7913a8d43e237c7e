package dev.switchboard.runtime.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.runtime.store.DeadLetter;
import java.util.List;
import java.util.Locale;

/**
 * {@code dead-letters list --json}: {"deadLetters": [letter…]}; {@code show --json}: one letter
 * with its "event"; {@code replay --json}: {"replayed": n, "deadLetters": […]}. The fields are
 * documented in docs/cli.md; keep them stable.
 */
public final class DeadLettersJson {
    private DeadLettersJson() {}

    public static String list(List<DeadLetter> letters) {
        ObjectNode root = ReportJson.NODES.objectNode();
        ArrayNode array = root.putArray("deadLetters");
        letters.forEach(d -> array.add(letter(d)));
        return ReportJson.write(root);
    }

    public static String show(DeadLetter d) {
        ObjectNode o = letter(d);
        o.set("event", ReportJson.event(d.event()));
        return ReportJson.write(o);
    }

    /** What replay sent back: the letters as they were matched (their state is "replayed" from now on). */
    public static String replayed(List<DeadLetter> letters) {
        ObjectNode root = ReportJson.NODES.objectNode();
        root.put("replayed", letters.size());
        ArrayNode array = root.putArray("deadLetters");
        for (DeadLetter d : letters) {
            ObjectNode o = array.addObject();
            o.put("id", d.id());
            o.put("flowId", d.flowId());
            o.put("nodeId", d.nodeId());
            o.put("eventId", d.eventId());
            o.put("runId", d.runId());
        }
        return ReportJson.write(root);
    }

    private static ObjectNode letter(DeadLetter d) {
        ObjectNode o = ReportJson.NODES.objectNode();
        o.put("id", d.id());
        o.put("state", d.state().toLowerCase(Locale.ROOT));
        o.put("flowId", d.flowId());
        o.put("nodeId", d.nodeId());
        o.put("eventId", d.eventId());
        o.put("runId", d.runId());
        ReportJson.putInstant(o, "failedAt", d.failedAt());
        o.put("attempts", d.attempts());
        o.put("error", d.error());
        ReportJson.putInstant(o, "replayedAt", d.replayedAt());
        return o;
    }
}
