package dev.switchboard.runtime.validate;

import dev.switchboard.runtime.model.Flow;
import java.util.List;

/**
 * What validating a flow file found.
 *
 * @param flow the flow as far as it could be read; null when the text is not JSON at all
 */
public record ValidationResult(Flow flow, List<Problem> problems) {
    public ValidationResult {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.stream().noneMatch(Problem::isError);
    }
}
