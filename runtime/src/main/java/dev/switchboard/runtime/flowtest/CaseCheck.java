package dev.switchboard.runtime.flowtest;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.FieldPath;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.StepRecord;
import dev.switchboard.runtime.flowtest.CaseRecorder.Call;
import dev.switchboard.runtime.flowtest.CaseRecorder.DeadLetter;
import dev.switchboard.runtime.flowtest.Expectation.FieldMatcher;
import dev.switchboard.runtime.flowtest.FlowTestFile.RunOutcome;
import dev.switchboard.runtime.flowtest.FlowTestFile.TestCase;
import dev.switchboard.runtime.flowtest.FlowTestResult.CaseFailure;
import dev.switchboard.runtime.flowtest.FlowTestResult.Difference;
import dev.switchboard.runtime.model.Flow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Holds one case's expectations against what happened: the runs' traces (every node's input and
 * output), the stubbed actions' calls and the dead letters. An expectation at a spot several
 * events passed holds when one of them matches; a failure shows the closest one's differences.
 */
final class CaseCheck {
    private final Flow flow;
    private final List<RunRecord> runs;
    private final List<Call> calls;
    private final List<DeadLetter> deadLetters;

    CaseCheck(Flow flow, List<RunRecord> runs, List<Call> calls, List<DeadLetter> deadLetters) {
        this.flow = flow;
        this.runs = List.copyOf(runs);
        this.calls = List.copyOf(calls);
        this.deadLetters = List.copyOf(deadLetters);
    }

    List<CaseFailure> check(TestCase testCase) {
        List<CaseFailure> failures = new ArrayList<>();
        checkOutcomes(testCase, failures);
        for (Expectation expectation : testCase.expectations()) {
            check(expectation).ifPresent(failures::add);
        }
        return failures;
    }

    /**
     * With {@code outcome}, every run must have ended so; without it, a run that failed or was
     * dead-lettered fails the case unless an expectation is about that very dead letter.
     */
    private void checkOutcomes(TestCase testCase, List<CaseFailure> failures) {
        boolean expectsDeadLetter =
                testCase.expectations().stream().anyMatch(e -> e instanceof Expectation.DeadLettered);
        for (RunRecord run : runs) {
            RunOutcome outcome = outcomeOf(run.status());
            boolean unexpected = testCase.outcome() != null
                    ? outcome != testCase.outcome()
                    : outcome == RunOutcome.FAILED
                            || outcome == RunOutcome.RETRYING
                            || outcome == RunOutcome.DEAD_LETTERED && !expectsDeadLetter;
            if (unexpected) {
                String wanted = testCase.outcome() == null
                        ? "no failure"
                        : testCase.outcome().label();
                failures.add(new CaseFailure(
                        testCase.pointer() + (testCase.outcome() == null ? "" : "/outcome"),
                        "the run of event '" + run.eventId() + "' ended " + outcome.label()
                                + (run.error() == null ? "" : " (" + run.error() + ")") + ", expected " + wanted
                                + "; " + path(run)));
            }
        }
    }

    private Optional<CaseFailure> check(Expectation expectation) {
        if (expectation instanceof Expectation.EventMatch match) {
            return checkEvent(match);
        }
        if (expectation instanceof Expectation.FieldsMatch match) {
            return checkFields(match);
        }
        if (expectation instanceof Expectation.Filtered filtered) {
            return checkFiltered(filtered);
        }
        if (expectation instanceof Expectation.DeadLettered dead) {
            return checkDeadLetter(dead);
        }
        return checkCalls((Expectation.Calls) expectation);
    }

    private Optional<CaseFailure> checkEvent(Expectation.EventMatch match) {
        List<Event> events = eventsAt(match.spot());
        if (events.isEmpty()) {
            return Optional.of(nothingAt(match.pointer(), match.spot()));
        }
        List<List<Difference>> all = events.stream()
                .map(e -> JsonDiff.compare(
                        match.expected(), comparedPart(FlowTestJson.document(e), match.exact()), match.exact()))
                .toList();
        if (all.stream().anyMatch(List::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new CaseFailure(
                match.pointer(), match.spot().describe() + " differs" + ofSeveral(events.size()), closest(all)));
    }

    /** An exact match is about the data alone: the envelope (id, time …) is the runtime's. */
    private static ConfigValue comparedPart(ConfigValue document, boolean exact) {
        if (!exact || !(document instanceof ConfigValue.Fields fields)) {
            return document;
        }
        return new ConfigValue.Fields(
                java.util.Map.of("data", fields.values().getOrDefault("data", ConfigValue.Null.INSTANCE)));
    }

    private Optional<CaseFailure> checkFields(Expectation.FieldsMatch match) {
        List<Event> events = eventsAt(match.spot());
        if (events.isEmpty()) {
            return Optional.of(nothingAt(match.pointer(), match.spot()));
        }
        List<List<Difference>> all = new ArrayList<>();
        for (Event event : events) {
            List<Difference> differences = new ArrayList<>();
            match.fields()
                    .forEach((path, matcher) -> mismatch(path, matcher, event).ifPresent(differences::add));
            if (differences.isEmpty()) {
                return Optional.empty();
            }
            differences.sort(Comparator.comparing(Difference::pointer));
            all.add(differences);
        }
        return Optional.of(new CaseFailure(
                match.pointer(),
                "fields of " + match.spot().describe() + " differ" + ofSeveral(events.size()),
                closest(all)));
    }

    private static Optional<Difference> mismatch(FieldPath path, FieldMatcher matcher, Event event) {
        Optional<ConfigValue> found = FlowTestJson.lookup(path, event);
        String actual = found.map(JsonDiff::show).orElse(JsonDiff.MISSING);
        boolean holds;
        if (matcher instanceof FieldMatcher.EqualTo equal) {
            holds = found.isPresent() && JsonDiff.sameValue(equal.value(), found.get());
        } else if (matcher instanceof FieldMatcher.Contains contains) {
            holds = found.orElse(null) instanceof ConfigValue.Text text
                    && text.value().contains(contains.text());
        } else if (matcher instanceof FieldMatcher.Matches matches) {
            holds = found.orElse(null) instanceof ConfigValue.Text text
                    && matches.pattern().matcher(text.value()).find();
        } else {
            holds = found.isPresent() == ((FieldMatcher.Exists) matcher).exists();
        }
        return holds ? Optional.empty() : Optional.of(new Difference(path.toString(), describe(matcher), actual));
    }

    private static String describe(FieldMatcher matcher) {
        if (matcher instanceof FieldMatcher.EqualTo equal) {
            return JsonDiff.show(equal.value());
        }
        if (matcher instanceof FieldMatcher.Contains contains) {
            return "text containing " + JsonDiff.show(new ConfigValue.Text(contains.text()));
        }
        if (matcher instanceof FieldMatcher.Matches matches) {
            return "text matching /" + matches.pattern().pattern() + "/";
        }
        return ((FieldMatcher.Exists) matcher).exists() ? "(present)" : JsonDiff.MISSING;
    }

    private Optional<CaseFailure> checkFiltered(Expectation.Filtered expected) {
        List<StepRecord> steps = stepsAt(expected.node());
        if (steps.isEmpty()) {
            return Optional.of(new CaseFailure(
                    expected.pointer(), "no event reached '" + expected.node() + "'; " + pathsSummary()));
        }
        boolean filtered = expected.port() == null
                ? steps.stream().anyMatch(step -> droppedThrough(expected.node(), step.port()))
                : steps.stream().anyMatch(step -> !expected.port().equals(step.port()));
        if (filtered == expected.filtered()) {
            return Optional.empty();
        }
        String ports = steps.stream()
                .map(s -> s.port() == null
                        ? "(no port: " + (s.error() == null ? "dropped" : s.error()) + ")"
                        : "'" + s.port() + "'")
                .collect(Collectors.joining(", "));
        String wanted = expected.port() == null
                ? (expected.filtered() ? "to be filtered at '" : "to pass '") + expected.node() + "'"
                : (expected.filtered() ? "not to leave '" : "to leave '") + expected.node() + "' through '"
                        + expected.port() + "'";
        return Optional.of(
                new CaseFailure(expected.pointer(), "expected the event " + wanted + ", but it left through " + ports));
    }

    /** What the runtime counts as filtered: the event left through an unwired port other than out and error. */
    private boolean droppedThrough(String nodeId, String port) {
        return port != null
                && !port.equals(PortSpec.OUT)
                && !port.equals(PortSpec.ERROR)
                && flow.wiresFrom(nodeId, port).isEmpty();
    }

    private Optional<CaseFailure> checkDeadLetter(Expectation.DeadLettered expected) {
        List<DeadLetter> here = deadLetters.stream()
                .filter(d -> d.nodeId().equals(expected.node()))
                .toList();
        if (here.stream().anyMatch(d -> d.error().contains(expected.errorContains()))) {
            return Optional.empty();
        }
        String found = deadLetters.isEmpty()
                ? "no event was dead-lettered"
                : "dead letters: "
                        + deadLetters.stream()
                                .map(d -> "'" + d.nodeId() + "' (" + d.error() + ")")
                                .collect(Collectors.joining(", "));
        return Optional.of(new CaseFailure(
                expected.pointer(),
                "expected a dead letter at '" + expected.node() + "' with an error containing \""
                        + expected.errorContains() + "\"; " + found));
    }

    private Optional<CaseFailure> checkCalls(Expectation.Calls expected) {
        List<Call> received =
                calls.stream().filter(c -> c.nodeId().equals(expected.node())).toList();
        if (expected.with() == null && expected.request() == null) {
            return received.size() == expected.count()
                    ? Optional.empty()
                    : Optional.of(new CaseFailure(
                            expected.pointer(),
                            "expected " + expected.count() + " call(s) to '" + expected.node() + "', got "
                                    + received.size()));
        }
        List<List<Difference>> all =
                received.stream().map(call -> callDifferences(expected, call)).toList();
        long matching = all.stream().filter(List::isEmpty).count();
        if (matching == expected.count()) {
            return Optional.empty();
        }
        List<List<Difference>> misses = all.stream().filter(d -> !d.isEmpty()).toList();
        boolean showClosest = matching < expected.count() && !misses.isEmpty();
        String given = expected.with() == null ? "request" : expected.request() == null ? "event" : "event and request";
        return Optional.of(new CaseFailure(
                expected.pointer(),
                "expected " + expected.count() + " call(s) to '" + expected.node() + "' with the given " + given
                        + ", got " + matching + " (of " + received.size() + " call(s))"
                        + (showClosest ? "; the closest other call differs" : ""),
                showClosest ? closest(misses) : List.of()));
    }

    /** Where a call's event differs from {@code with}, and its request (pointers marked "(request)") from {@code request}. */
    private static List<Difference> callDifferences(Expectation.Calls expected, Call call) {
        List<Difference> differences = new ArrayList<>();
        if (expected.with() != null) {
            differences.addAll(JsonDiff.compare(expected.with(), FlowTestJson.document(call.event()), false));
        }
        if (expected.request() != null) {
            JsonDiff.compare(expected.request(), FlowTestJson.request(call.request()), false).stream()
                    .map(d -> new Difference("(request) " + d.pointer(), d.expected(), d.actual()))
                    .forEach(differences::add);
        }
        return differences;
    }

    private List<StepRecord> stepsAt(String nodeId) {
        return runs.stream()
                .flatMap(run -> run.steps().stream())
                .filter(step -> step.nodeId().equals(nodeId))
                .toList();
    }

    private List<Event> eventsAt(Expectation.Spot spot) {
        return stepsAt(spot.node()).stream()
                .filter(step -> spot.input() || spot.port().equals(step.port()))
                .map(step -> spot.input() ? step.input() : step.output())
                .filter(Objects::nonNull)
                .toList();
    }

    private CaseFailure nothingAt(String pointer, Expectation.Spot spot) {
        List<StepRecord> steps = stepsAt(spot.node());
        String why = steps.isEmpty()
                ? "no event reached '" + spot.node() + "'"
                : "events left '" + spot.node() + "' through "
                        + steps.stream()
                                .map(s -> String.valueOf(s.port()))
                                .distinct()
                                .collect(Collectors.joining(", "));
        return new CaseFailure(pointer, "no " + spot.what() + ": " + why + "; " + pathsSummary());
    }

    private String pathsSummary() {
        return runs.isEmpty()
                ? "no run finished"
                : runs.stream().map(CaseCheck::path).collect(Collectors.joining("; "));
    }

    /** A run as its steps: {@code hook:out → greet:out → save:out}. */
    static String path(RunRecord run) {
        return "event '" + run.eventId() + "' went "
                + run.steps().stream()
                        .map(s -> s.nodeId()
                                + (s.port() == null ? (s.error() == null ? "" : " (failed)") : ":" + s.port()))
                        .collect(Collectors.joining(" → "));
    }

    private static String ofSeveral(int count) {
        return count == 1 ? "" : " (none of the " + count + " events there matches; the closest shown)";
    }

    private static List<Difference> closest(List<List<Difference>> candidates) {
        return candidates.stream().min(Comparator.comparingInt(List::size)).orElse(List.of());
    }

    static RunOutcome outcomeOf(RunRecord.RunStatus status) {
        return switch (status) {
            case SUCCESS -> RunOutcome.SUCCESS;
            case FILTERED -> RunOutcome.FILTERED;
            case FAILED -> RunOutcome.FAILED;
            case DEAD_LETTERED -> RunOutcome.DEAD_LETTERED;
            case RETRYING -> RunOutcome.RETRYING;
        };
    }
}
