package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.report.DeadLettersJson;
import dev.switchboard.runtime.store.DeadLetter;
import dev.switchboard.runtime.store.DeadLetterFilter;
import dev.switchboard.runtime.store.DeadLetterStore;
import dev.switchboard.runtime.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard dead-letters list|show|replay}. These work on the store directly, so they run
 * with or without a runtime: replay puts the events back into the inbox, addressed to the node
 * that failed them; a running runtime dispatches them within a second, a stopped one on start.
 * The store options and {@code --json} belong to {@code dead-letters} and may come before or
 * after the subcommand. Not itself runnable: without a subcommand picocli reports a usage error.
 */
@Command(
        name = "dead-letters",
        description = "Lists, shows and replays events that nodes gave up on.",
        subcommands = {
            DeadLettersCommand.ListCommand.class,
            DeadLettersCommand.ShowCommand.class,
            DeadLettersCommand.ReplayCommand.class
        })
final class DeadLettersCommand {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print JSON (fields in docs/cli.md) instead of text.")
    boolean json;

    /** Which dead letters: shared by list and replay. */
    static final class Filter {
        @Option(names = "--flow", description = "Only this flow.")
        String flow;

        @Option(names = "--node", description = "Only this node.")
        String node;

        @Option(
                names = "--since",
                converter = OptionConverters.IsoInstant.class,
                description = "Failed at or after this instant (ISO-8601, e.g. 2026-11-28T10:00:00Z).")
        Instant since;

        @Option(
                names = "--until",
                converter = OptionConverters.IsoInstant.class,
                description = "Failed before this instant (ISO-8601).")
        Instant until;

        @Option(names = "--error", description = "Error text contains this (case-insensitive).")
        String error;

        DeadLetterFilter toFilter(Long id, boolean includeReplayed) {
            return new DeadLetterFilter(id, flow, node, since, until, error, includeReplayed);
        }
    }

    static void print(PrintWriter out, List<DeadLetter> letters) {
        out.printf(
                "%-6s %-24s %-9s %-16s %-16s %-36s %8s  %s%n",
                "ID", "FAILED", "STATE", "FLOW", "NODE", "EVENT", "ATTEMPTS", "ERROR");
        for (DeadLetter d : letters) {
            out.printf(
                    "%-6d %-24s %-9s %-16s %-16s %-36s %8d  %s%n",
                    d.id(),
                    d.failedAt(),
                    d.state().toLowerCase(),
                    d.flowId(),
                    d.nodeId(),
                    d.eventId(),
                    d.attempts(),
                    d.error());
        }
    }

    @Command(name = "list", description = "Lists dead letters (not yet replayed, unless --all).")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        DeadLettersCommand deadLetters;

        @Mixin
        Filter filter = new Filter();

        @Option(names = "--all", description = "Include dead letters already replayed.")
        boolean all;

        @Option(
                names = "--limit",
                defaultValue = "100",
                converter = OptionConverters.PositiveInt.class,
                description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            List<DeadLetter> letters;
            try (Store s = deadLetters.store.openExisting()) {
                letters = new DeadLetterStore(s).list(filter.toFilter(null, all), limit);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (deadLetters.json) {
                out.println(DeadLettersJson.list(letters));
            } else {
                print(out, letters);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "show",
            description = "Shows one dead letter with its event as it entered the failed node.",
            exitCodeList = {ExitCodes.OK_LINE, "1:failure, or no dead letter with that ID", ExitCodes.USAGE_LINE})
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        DeadLettersCommand deadLetters;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            Optional<DeadLetter> found;
            try (Store s = deadLetters.store.openExisting()) {
                found = new DeadLetterStore(s).find(id);
            }
            DeadLetter d = found.orElseThrow(
                    () -> new CommandFailure("No dead letter " + id + " in the store " + deadLetters.store.where()));
            PrintWriter out = spec.commandLine().getOut();
            if (deadLetters.json) {
                out.println(DeadLettersJson.show(d));
            } else {
                out.printf(
                        "dead letter %d (%s)%nflow:     %s%nnode:     %s%nevent:    %s%nrun:      %s%nfailed:   %s%n"
                                + "attempts: %d%nerror:    %s%n%s%n",
                        d.id(),
                        d.state().toLowerCase(),
                        d.flowId(),
                        d.nodeId(),
                        d.eventId(),
                        d.runId(),
                        d.failedAt(),
                        d.attempts(),
                        d.error(),
                        d.event());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "replay",
            description =
                    "Sends dead letters back to the node that failed them: one by ID, or all matching the filter.",
            exitCodeList = {
                ExitCodes.OK_LINE,
                "1:failure, or no dead letter with that ID waiting to be replayed",
                ExitCodes.USAGE_LINE
            })
    static final class ReplayCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        DeadLettersCommand deadLetters;

        @Parameters(
                paramLabel = "ID",
                arity = "0..1",
                description = "One dead letter; leave out to replay all matching the filter.")
        Long id;

        @Mixin
        Filter filter = new Filter();

        @Option(names = "--all", description = "Required to replay every dead letter when no ID or filter is given.")
        boolean all;

        @Override
        public Integer call() {
            DeadLetterFilter f = filter.toFilter(id, false);
            if (f.equals(DeadLetterFilter.all()) && !all) {
                // replaying everything by accident is worse than a usage error
                throw new ParameterException(
                        spec.commandLine(),
                        "Give an ID, a filter (--flow, --node, --since, --until, --error) or --all");
            }
            List<DeadLetter> replayed;
            try (Store s = deadLetters.store.openExisting()) {
                replayed = new DeadLetterStore(s).replay(f);
            }
            if (id != null && replayed.isEmpty()) {
                throw new CommandFailure("No dead letter " + id + " waiting to be replayed in the store "
                        + deadLetters.store.where() + " (unknown, or already replayed: see 'dead-letters list --all')");
            }
            PrintWriter out = spec.commandLine().getOut();
            if (deadLetters.json) {
                out.println(DeadLettersJson.replayed(replayed));
            } else {
                out.println("Replaying " + replayed.size()
                        + " dead letter(s); a running runtime picks them up within a second.");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
