package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.report.LineageGraph;
import dev.switchboard.runtime.report.RunsJson;
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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard runs [--flow F] [--status S] [--limit N] [--json]} and {@code runs show ID}:
 * run history from the store. The store options and {@code --json} may come before or after
 * {@code show}.
 */
@Command(
        name = "runs",
        description = "Lists recent runs (newest first), or shows one event's path with 'runs show ID'.",
        subcommands = RunsCommand.Show.class)
final class RunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print JSON (fields in docs/cli.md) instead of a table.")
    boolean json;

    @Option(names = "--flow", description = "Only runs of this flow.")
    String flow;

    @Option(
            names = "--status",
            converter = RunStatusConverter.class,
            completionCandidates = RunStatusConverter.class,
            description = "Only runs with this status: ${COMPLETION-CANDIDATES}.")
    RunStatus status;

    @Option(
            names = "--limit",
            defaultValue = "50",
            converter = OptionConverters.PositiveInt.class,
            description = "At most this many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RunQueries.Run> runs;
        try (Store s = store.openExisting()) {
            runs = new RunQueries(s).list(flow, status == null ? null : status.name(), limit);
        }
        if (json) {
            out.println(RunsJson.list(runs));
        } else {
            out.printf("%-24s %-13s %-20s %-36s %-36s %9s%n", "STARTED", "STATUS", "FLOW", "EVENT", "RUN", "MS");
            for (RunQueries.Run r : runs) {
                out.printf(
                        "%-24s %-13s %-20s %-36s %-36s %9.1f%s%n",
                        r.startedAt(),
                        RunStatusConverter.spell(r.status()),
                        r.flowId(),
                        r.eventId(),
                        r.runId(),
                        r.durationMicros() / 1000.0,
                        r.error() == null ? "" : "  " + r.error());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    @Command(
            name = "show",
            description =
                    "Shows every run of an event (across flows and replays) and each node it passed, with input and output.",
            exitCodeList = {ExitCodes.OK_LINE, "1:failure, or no run of that id", ExitCodes.USAGE_LINE})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        /** Holds the store options and --json, given before or after 'show'. */
        @ParentCommand
        RunsCommand runs;

        @Parameters(paramLabel = "ID", description = "An event id or a run id.")
        String id;

        @Option(
                names = "--graph",
                paramLabel = "FORMAT",
                converter = GraphFormatConverter.class,
                completionCandidates = GraphFormatConverter.class,
                description = "Print the event's lineage (every run it caused, across flows) as a graph:"
                        + " ${COMPLETION-CANDIDATES}.")
        LineageGraph.Format graph;

        @Override
        public Integer call() {
            List<RunQueries.RunPath> paths;
            try (Store s = runs.store.openExisting()) {
                paths = new RunQueries(s).path(id);
            }
            if (paths.isEmpty()) {
                throw new CommandFailure("No run of event or run '" + id + "' in the store " + runs.store.where());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (graph != null) {
                out.print(LineageGraph.render(paths, graph));
            } else if (runs.json) {
                out.println(RunsJson.path(paths));
            } else {
                printPath(out, paths);
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static void printPath(PrintWriter out, List<RunQueries.RunPath> paths) {
            out.println("event " + paths.get(0).run().eventId());
            for (RunQueries.RunPath path : paths) {
                RunQueries.Run r = path.run();
                out.printf(
                        "run %s  flow=%s trigger=%s status=%s started=%s %.1fms%s%s%s%n",
                        r.runId(),
                        r.flowId(),
                        r.triggerNode(),
                        RunStatusConverter.spell(r.status()),
                        r.startedAt(),
                        r.durationMicros() / 1000.0,
                        r.parentRunId() == null ? "" : " from-run=" + r.parentRunId(),
                        r.replayOf() == null ? "" : " replay-of-dead-letter=" + r.replayOf(),
                        r.error() == null ? "" : " error=\"" + r.error() + "\"");
                if (!r.dataKept()) {
                    out.println("  input and output " + r.dataNotKept());
                }
                for (RunQueries.Step step : path.steps()) {
                    out.printf(
                            "  %s %s -> %s%s%n",
                            step.at(),
                            step.nodeId(),
                            step.port() != null ? step.port() : step.error() != null ? "(failed)" : "(end)",
                            step.error() == null ? "" : "  error: " + step.error());
                    if (step.warning() != null) {
                        out.println("      warning: " + step.warning());
                    }
                    for (String decision : step.policies()) {
                        out.println("      policy: " + decision);
                    }
                    if (step.input() != null) {
                        out.println("      in:  " + step.input());
                    }
                    if (step.output() != null) {
                        out.println("      out: " + step.output());
                    }
                }
            }
        }
    }
}
