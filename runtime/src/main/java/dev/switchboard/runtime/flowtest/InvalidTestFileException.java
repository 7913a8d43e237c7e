package dev.switchboard.runtime.flowtest;

import java.util.List;
import java.util.stream.Collectors;

/** A test file that cannot run: every problem found, each at its JSON pointer. */
public final class InvalidTestFileException extends Exception {
    private final transient List<TestFileProblem> problems;

    public InvalidTestFileException(List<TestFileProblem> problems) {
        super(problems.stream().map(TestFileProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<TestFileProblem> problems() {
        return problems;
    }
}
