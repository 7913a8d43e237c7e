package dev.switchboard.runtime.flowtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What running one test file gave: its cases' results, or the problems that kept it from running
 * (a bad test file, a flow that does not validate or compile).
 *
 * @param flowId the tested flow's id, null when it could not be read
 */
public record FlowTestResult(
        Path testFile, String flowId, List<TestFileProblem> problems, List<CaseResult> cases, Duration duration) {
    public FlowTestResult {
        Objects.requireNonNull(testFile, "testFile");
        problems = List.copyOf(problems);
        cases = List.copyOf(cases);
    }

    static FlowTestResult unrunnable(Path testFile, String flowId, List<TestFileProblem> problems, Duration duration) {
        return new FlowTestResult(testFile, flowId, problems, List.of(), duration);
    }

    /** True when the file ran and every case passed. */
    public boolean passed() {
        return problems.isEmpty() && cases.stream().allMatch(CaseResult::passed);
    }

    public long failedCases() {
        return cases.stream().filter(c -> !c.passed()).count();
    }

    /** One case: passed when it has no failures. */
    public record CaseResult(String name, List<CaseFailure> failures, Duration duration) {
        public CaseResult {
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /**
     * One unmet expectation (or a run that failed unexpectedly).
     *
     * @param pointer where the expectation is in the test file
     * @param differences expected against actual, one per JSON pointer where they differ (may be empty)
     */
    public record CaseFailure(String pointer, String message, List<Difference> differences) {
        public CaseFailure {
            differences = List.copyOf(differences);
        }

        CaseFailure(String pointer, String message) {
            this(pointer, message, List.of());
        }
    }

    /**
     * Where an actual value differs from the expected one.
     *
     * @param pointer JSON pointer into the compared document ({@code /data/total}), or the field path
     *     a field matcher looked up
     * @param expected the expected value or matcher, as compact JSON or a short description
     * @param actual the actual value as compact JSON, or {@code (missing)}
     */
    public record Difference(String pointer, String expected, String actual) {}
}
