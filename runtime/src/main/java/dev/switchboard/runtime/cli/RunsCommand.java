package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.store.RunQueries;
import dev.switchboard.runtime.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard runs [--flow F] [--status S] [--limit N]} and {@code runs show ID}: run history from the store. */
@Command(name = "runs", description = "Lists recent runs (newest first), or shows one event's path with 'runs show ID'.",
        subcommands = RunsCommand.Show.class)
final class RunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--flow", description = "Only runs of this flow.")
    String flow;

    @Option(names = "--status", description = "Only runs with this status: success, filtered, failed, dead-lettered.")
    String status;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.openExisting()) {
            List<RunQueries.Run> runs = new RunQueries(s).list(flow, status, limit);
            out.printf("%-24s %-13s %-20s %-36s %-36s %9s%n", "STARTED", "STATUS", "FLOW", "EVENT", "RUN", "MS");
            for (RunQueries.Run r : runs) {
                out.printf("%-24s %-13s %-20s %-36s %-36s %9.1f%s%n", r.startedAt(), status(r.status()), r.flowId(), r.eventId(),
                        r.runId(), r.durationMicros() / 1000.0, r.error() == null ? "" : "  " + r.error());
            }
            out.flush();
        }
        return 0;
    }

    static String status(String stored) {
        return stored.toLowerCase().replace('_', '-');
    }

    @Command(name = "show", description = "Shows every run of an event (across flows and replays) and each node it passed, with input and output.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "ID", description = "An event id or a run id.")
        String id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store s = store.openExisting()) {
                List<RunQueries.RunPath> paths = new RunQueries(s).path(id);
                if (paths.isEmpty()) {
                    spec.commandLine().getErr().println("No run of event or run '" + id + "'");
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                out.println("event " + paths.get(0).run().eventId());
                for (RunQueries.RunPath path : paths) {
                    RunQueries.Run r = path.run();
                    out.printf("run %s  flow=%s trigger=%s status=%s started=%s %.1fms%s%s%s%n", r.runId(), r.flowId(), r.triggerNode(),
                            status(r.status()), r.startedAt(), r.durationMicros() / 1000.0,
                            r.parentRunId() == null ? "" : " from-run=" + r.parentRunId(),
                            r.replayOf() == null ? "" : " replay-of-dead-letter=" + r.replayOf(),
                            r.error() == null ? "" : " error=\"" + r.error() + "\"");
                    for (RunQueries.Step step : path.steps()) {
                        out.printf("  %s %s -> %s%s%n", step.at(), step.nodeId(), step.port() != null ? step.port() : step.error() != null ? "(failed)" : "(end)",
                                step.error() == null ? "" : "  error: " + step.error());
                        if (step.input() != null) {
                            out.println("      in:  " + step.input());
                        }
                        if (step.output() != null) {
                            out.println("      out: " + step.output());
                        }
                    }
                }
                out.flush();
            }
            return 0;
        }
    }
}
