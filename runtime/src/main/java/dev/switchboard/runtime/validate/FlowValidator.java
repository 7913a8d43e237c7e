package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks flows and reports every problem at once, each with a JSON pointer and a plain message.
 * The CLI's {@code validate}, {@code run} and the designer's problems panel all use this one class.
 */
public final class FlowValidator {
    private final ConnectorCatalog catalog;

    public FlowValidator(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    /** Checks a flow file's text: JSON syntax, structure, then everything {@link #validate(Flow)} checks. */
    public ValidationResult validate(String json) {
        Flow flow;
        try {
            flow = FlowCodec.read(json);
        } catch (MalformedFlowException e) {
            return new ValidationResult(null, List.of(new Problem(Problem.Severity.ERROR, "",
                    "Not valid JSON: " + e.getMessage(), null, null, e.line(), e.column())));
        }
        return new ValidationResult(flow, validate(flow));
    }

    /** Checks an in-memory flow (what the designer edits). */
    public List<Problem> validate(Flow flow) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < flow.nodes().size(); i++) {
            Node node = flow.nodes().get(i);
            if (catalog.find(node.type()).isEmpty()) {
                problems.add(Problem.nodeError("/nodes/" + i + "/type", node.id(), null,
                        "Unknown node type '" + node.type() + "'"));
            }
        }
        return problems;
    }
}
