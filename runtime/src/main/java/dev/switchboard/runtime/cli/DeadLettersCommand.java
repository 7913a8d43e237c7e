package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.store.DeadLetter;
import dev.switchboard.runtime.store.DeadLetterFilter;
import dev.switchboard.runtime.store.DeadLetterStore;
import dev.switchboard.runtime.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard dead-letters list|show|replay}. These work on the store directly, so they run
 * with or without a runtime: replay puts the events back into the inbox, addressed to the node
 * that failed them; a running runtime dispatches them within a second, a stopped one on start.
 */
@Command(name = "dead-letters", description = "Lists, shows and replays events that nodes gave up on.",
        subcommands = {DeadLettersCommand.ListCommand.class, DeadLettersCommand.ShowCommand.class, DeadLettersCommand.ReplayCommand.class})
final class DeadLettersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Which dead letters: shared by list and replay. */
    static final class Filter {
        @Option(names = "--flow", description = "Only this flow.")
        String flow;
        @Option(names = "--node", description = "Only this node.")
        String node;
        @Option(names = "--since", description = "Failed at or after this instant (ISO-8601, e.g. 2026-11-28T10:00:00Z).")
        Instant since;
        @Option(names = "--until", description = "Failed before this instant (ISO-8601).")
        Instant until;
        @Option(names = "--error", description = "Error text contains this (case-insensitive).")
        String error;

        DeadLetterFilter toFilter(Long id, boolean includeReplayed) {
            return new DeadLetterFilter(id, flow, node, since, until, error, includeReplayed);
        }
    }

    static void print(PrintWriter out, List<DeadLetter> letters) {
        out.printf("%-6s %-24s %-9s %-16s %-16s %-36s %8s  %s%n", "ID", "FAILED", "STATE", "FLOW", "NODE", "EVENT", "ATTEMPTS", "ERROR");
        for (DeadLetter d : letters) {
            out.printf("%-6d %-24s %-9s %-16s %-16s %-36s %8d  %s%n", d.id(), d.failedAt(), d.state().toLowerCase(), d.flowId(),
                    d.nodeId(), d.eventId(), d.attempts(), d.error());
        }
        out.flush();
    }

    @Command(name = "list", description = "Lists dead letters (not yet replayed, unless --all).")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Mixin
        Filter filter = new Filter();
        @Option(names = "--all", description = "Include dead letters already replayed.")
        boolean all;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            try (Store s = store.openExisting()) {
                print(spec.commandLine().getOut(), new DeadLetterStore(s).list(filter.toFilter(null, all), limit));
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Shows one dead letter with its event as it entered the failed node.")
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store s = store.openExisting()) {
                DeadLetter d = new DeadLetterStore(s).find(id).orElse(null);
                if (d == null) {
                    spec.commandLine().getErr().println("No dead letter " + id);
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                out.printf("dead letter %d (%s)%nflow:     %s%nnode:     %s%nevent:    %s%nrun:      %s%nfailed:   %s%n"
                                + "attempts: %d%nerror:    %s%n%s%n", d.id(), d.state().toLowerCase(), d.flowId(), d.nodeId(), d.eventId(),
                        d.runId(), d.failedAt(), d.attempts(), d.error(), d.event());
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "replay", description = "Sends dead letters back to the node that failed them: one by ID, or all matching the filter.")
    static final class ReplayCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions store = new StoreOptions();
        @Parameters(paramLabel = "ID", arity = "0..1", description = "One dead letter; leave out to replay all matching the filter.")
        Long id;
        @Mixin
        Filter filter = new Filter();
        @Option(names = "--all", description = "Required to replay every dead letter when no ID or filter is given.")
        boolean all;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            DeadLetterFilter f = filter.toFilter(id, false);
            boolean unfiltered = f.equals(DeadLetterFilter.all());
            if (unfiltered && !all) {
                err.println("Give an ID, a filter (--flow, --node, --since, --until, --error) or --all");
                err.flush();
                return 2;
            }
            try (Store s = store.openExisting()) {
                List<DeadLetter> replayed = new DeadLetterStore(s).replay(f);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Replaying " + replayed.size() + " dead letter(s); a running runtime picks them up within a second.");
                out.flush();
                return id != null && replayed.isEmpty() ? 1 : 0;
            }
        }
    }
}
