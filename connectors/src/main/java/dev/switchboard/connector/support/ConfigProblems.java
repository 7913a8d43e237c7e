package dev.switchboard.connector.support;

import dev.switchboard.connector.spi.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/** Turns the problems a connector's {@code validate} finds into the error its {@code compile} throws. */
public final class ConfigProblems {
    private ConfigProblems() {}

    /** Throws an {@link IllegalArgumentException} naming every problem with its pointer; does nothing when there are none. */
    public static void throwIfAny(List<ConfigProblem> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream()
                    .map(p -> "config" + p.pointer() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
    }
}
