package dev.switchboard.runtime.policy;

import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A policies file that cannot be used: every problem, each with its JSON pointer. */
public final class PolicyFileException extends Exception {
    private final transient List<Problem> problems;

    public PolicyFileException(Path file, List<Problem> problems) {
        super(file + " is not a valid policies file:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
