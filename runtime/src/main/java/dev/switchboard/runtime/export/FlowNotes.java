package dev.switchboard.runtime.export;

import dev.switchboard.runtime.model.Flow;
import java.util.ArrayList;
import java.util.List;

/** What no exported flow keeps of Switchboard's runtime, and the flow's own settings that are not exported. */
final class FlowNotes {
    private FlowNotes() {}

    static List<ExportNote> of(Flow flow) {
        List<ExportNote> notes = new ArrayList<>();
        notes.add(new ExportNote(
                null, "durable inbox", "events live in memory only: an event accepted before a crash or stop is lost"));
        notes.add(new ExportNote(
                null,
                "retries, dead letters, replay",
                "not exported: Camel's default error handler logs a failure and gives up"));
        notes.add(new ExportNote(null, "run history", "not exported: no runs, steps or lineage are recorded"));
        notes.add(
                new ExportNote(
                        null,
                        "event envelope",
                        "the message body is the event data as JSON; id, type, source, subject and extensions are not carried"));
        for (String setting : List.of("retry", "deadLetter", "concurrency", "history")) {
            if (flow.settings().values().containsKey(setting)) {
                notes.add(new ExportNote(null, "settings." + setting, "not exported"));
            }
        }
        return notes;
    }
}
