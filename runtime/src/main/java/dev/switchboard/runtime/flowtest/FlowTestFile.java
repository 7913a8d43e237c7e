package dev.switchboard.runtime.flowtest;

import dev.switchboard.connector.spi.Event;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code *.test.json} file as read: the flow it tests and its cases (format: docs/flow-tests.md).
 *
 * @param file the test file
 * @param flowFile the flow under test (its {@code flow} property, else the {@code .flow.json} beside it)
 * @param env what {@code {{env:NAME}}} and {@code {{secret:NAME}}} references resolve to while testing
 */
public record FlowTestFile(Path file, Path flowFile, Map<String, String> env, List<TestCase> cases) {
    public FlowTestFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(flowFile, "flowFile");
        env = Map.copyOf(env);
        cases = List.copyOf(cases);
    }

    /**
     * One named case: events that enter at triggers, what actions answer, what must have happened.
     *
     * @param pointer where the case is in the test file (for messages)
     * @param stubs by action node id; an action without a stub records its calls and hands the event on
     * @param outcome how every run of the case must end, or null to accept only runs that did not fail
     */
    public record TestCase(
            String pointer,
            String name,
            List<PinnedEvent> events,
            Map<String, Stub> stubs,
            List<Expectation> expectations,
            RunOutcome outcome) {
        public TestCase {
            Objects.requireNonNull(name, "name");
            events = List.copyOf(events);
            // in file order, so problems are reported in the order they appear
            stubs = Collections.unmodifiableMap(new LinkedHashMap<>(stubs));
            expectations = List.copyOf(expectations);
        }
    }

    /** An event that leaves trigger {@code trigger} through its {@code out} port, as if the trigger had produced it. */
    public record PinnedEvent(String pointer, String trigger, Event event) {
        public PinnedEvent {
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(event, "event");
        }
    }

    /** How a run may end, as the file names it. */
    public enum RunOutcome {
        SUCCESS("success"),
        FILTERED("filtered"),
        DEAD_LETTERED("dead-lettered"),
        FAILED("failed"),
        /** The trigger's data contract (enforcement reject) refused the event: no run started. */
        REJECTED("rejected"),
        /** Only for reporting a run's status: tests leave retries out, so no run ends waiting for one. */
        RETRYING("retrying");

        private final String label;

        RunOutcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static RunOutcome ofLabel(String label) {
            for (RunOutcome outcome : values()) {
                if (outcome.label.equals(label)) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("unknown outcome " + label);
        }
    }
}
