package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.format.FlowLimits;
import dev.switchboard.runtime.model.Flow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds numbers in an in-memory flow (the designer's) that could not be written to a file: more
 * digits written out than {@link FlowLimits#MAX_NUMBER_DIGITS}. Files holding such numbers are
 * refused while parsing; this gives the same finding, with a pointer, for flows never parsed.
 */
final class NumberCheck {
    private NumberCheck() {}

    static List<Problem> tooLong(Flow flow) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < flow.nodes().size(); i++) {
            for (Map.Entry<String, ConfigValue> e :
                    flow.nodes().get(i).config().values().entrySet()) {
                collect(
                        e.getValue(),
                        Pointers.child(Pointers.node(i) + "/config", e.getKey()),
                        flow.nodes().get(i).id(),
                        e.getKey(),
                        problems);
            }
        }
        collect(flow.settings(), "/settings", null, null, problems);
        return problems;
    }

    private static void collect(
            ConfigValue value, String pointer, String nodeId, String property, List<Problem> problems) {
        if (value instanceof ConfigValue.Num n && !FlowLimits.fitsWrittenOut(n.value())) {
            problems.add(Problem.nodeError(
                    pointer,
                    nodeId,
                    property,
                    "The number " + Quote.number(n.value())
                            + " has too many digits to be written out (flow files allow at most "
                            + FlowLimits.MAX_NUMBER_DIGITS + ")"));
        } else if (value instanceof ConfigValue.Items items) {
            for (int i = 0; i < items.values().size(); i++) {
                collect(items.values().get(i), Pointers.child(pointer, i), nodeId, property, problems);
            }
        } else if (value instanceof ConfigValue.Fields fields) {
            for (Map.Entry<String, ConfigValue> e : fields.values().entrySet()) {
                collect(e.getValue(), Pointers.child(pointer, e.getKey()), nodeId, property, problems);
            }
        }
    }
}
