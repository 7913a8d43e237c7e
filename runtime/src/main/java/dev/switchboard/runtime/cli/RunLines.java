package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.engine.RunRecord;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** run's own lines: on stdout as they are, or with --log-format json as INFO records of {@link LogSetup#RUN_LOGGER}. */
record RunLines(LogSetup.Format format, PrintWriter out) {
    private static final Logger LOG = LoggerFactory.getLogger(LogSetup.RUN_LOGGER);

    void print(String line) {
        if (format == LogSetup.Format.json) {
            LOG.info(line);
            return;
        }
        // the event log prints from the runs' threads: whole lines, never interleaved
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** The event log's line for one run (--event-log on). */
    static String eventLine(RunRecord run) {
        return String.format(
                "%s %-13s flow=%s trigger=%s event=%s %.1fms%s%s",
                run.startedAt(),
                RunStatusConverter.spell(run.status().name()),
                run.flowId(),
                run.triggerNodeId(),
                run.eventId(),
                run.durationMillis(),
                run.endedAt() == null ? "" : " ended=" + run.endedAt(),
                run.error() == null ? "" : " error=\"" + run.error() + "\"");
    }
}
