package dev.switchboard.connector.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.FieldPath;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One compiled rule: {@code field op value}. It only looks the field up and compares; nothing in
 * the event is evaluated. A missing field fails every operator except {@code exists: false}.
 */
public final class Rule {
    private final FieldPath field;
    private final Operator op;
    private final JsonNode value;
    private final Pattern pattern;
    private final boolean expectPresent;

    private Rule(FieldPath field, Operator op, JsonNode value, Pattern pattern, boolean expectPresent) {
        this.field = field;
        this.op = op;
        this.value = value;
        this.pattern = pattern;
        this.expectPresent = expectPresent;
    }

    public boolean test(Event event) {
        JsonNode actual = field.lookup(event);
        if (op == Operator.EXISTS) {
            return JsonValues.isAbsent(actual) != expectPresent;
        }
        if (actual.isMissingNode()) {
            return false;
        }
        switch (op) {
            case EQ:
                return JsonValues.equal(actual, value);
            case NE:
                return !JsonValues.equal(actual, value);
            case GT:
                return ordered(actual, c -> c > 0);
            case GTE:
                return ordered(actual, c -> c >= 0);
            case LT:
                return ordered(actual, c -> c < 0);
            case LTE:
                return ordered(actual, c -> c <= 0);
            case CONTAINS:
                return contains(actual);
            case STARTS_WITH:
                return actual.isValueNode()
                        && !actual.isNull()
                        && actual.asText().startsWith(value.asText());
            case IN:
                for (JsonNode candidate : value) {
                    if (JsonValues.equal(actual, candidate)) {
                        return true;
                    }
                }
                return false;
            case MATCHES:
                return actual.isValueNode()
                        && !actual.isNull()
                        && pattern.matcher(actual.asText()).find();
            default:
                throw new IllegalStateException("Unhandled operator " + op);
        }
    }

    private boolean ordered(JsonNode actual, java.util.function.IntPredicate accept) {
        OptionalInt order = JsonValues.compare(actual, value);
        return order.isPresent() && accept.test(order.getAsInt());
    }

    private boolean contains(JsonNode actual) {
        if (actual.isArray()) {
            for (JsonNode element : actual) {
                if (JsonValues.equal(element, value)) {
                    return true;
                }
            }
            return false;
        }
        return actual.isValueNode() && !actual.isNull() && actual.asText().contains(value.asText());
    }

    @Override
    public String toString() {
        return field + " " + op.word() + (op == Operator.EXISTS ? " " + expectPresent : " " + value);
    }

    /**
     * Reads one rule item; adds what is wrong to {@code problems} (pointers under {@code pointer})
     * and returns null when the rule cannot be built.
     */
    static Rule read(NodeConfig item, String pointer, List<ConfigProblem> problems) {
        int before = problems.size();
        FieldPath field = null;
        String fieldText = item.string("field", "").trim();
        if (fieldText.isEmpty()) {
            problems.add(new ConfigProblem(pointer + "/field", "Name the field to test, e.g. data.score"));
        } else {
            try {
                field = FieldPath.parse(fieldText);
                if (!field.hasKnownRoot() && (fieldText.contains(".") || fieldText.contains("["))) {
                    // an extension attribute is plain text, so a path below one can never exist
                    problems.add(new ConfigProblem(
                            pointer + "/field",
                            "'" + fieldText + "' is not in the event; " + "event data is under data., e.g. data."
                                    + fieldText));
                    field = null;
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(pointer + "/field", e.getMessage()));
            }
        }
        String opText = item.string("op", "");
        Operator op = Operator.fromWord(opText).orElse(null);
        if (op == null) {
            problems.add(new ConfigProblem(
                    pointer + "/op",
                    (opText.isEmpty() ? "An operator is required" : "Unknown operator '" + opText + "'")
                            + "; expected one of " + String.join(", ", Operator.words())));
            return null;
        }
        ConfigValue raw = item.value("value").orElse(null);
        String valuePointer = pointer + "/value";
        JsonNode value = raw == null ? null : JsonValues.toJson(raw);
        Pattern pattern = null;
        boolean expectPresent = true;
        switch (op) {
            case EXISTS:
                if (raw != null && !(raw instanceof ConfigValue.Bool)) {
                    problems.add(new ConfigProblem(
                            valuePointer, "exists takes true, false or no value, not " + raw.typeName()));
                } else if (raw instanceof ConfigValue.Bool b) {
                    expectPresent = b.value();
                }
                break;
            case IN:
                if (!(raw instanceof ConfigValue.Items)) {
                    problems.add(new ConfigProblem(
                            valuePointer,
                            "in takes an array of values, e.g. [\"EU\", \"UK\"]"
                                    + (raw == null ? "" : ", not " + raw.typeName())));
                }
                break;
            case MATCHES:
                if (!(raw instanceof ConfigValue.Text text)) {
                    problems.add(new ConfigProblem(
                            valuePointer,
                            "matches takes a regular expression as text"
                                    + (raw == null ? "" : ", not " + raw.typeName())));
                } else {
                    try {
                        pattern = Pattern.compile(text.value());
                    } catch (PatternSyntaxException e) {
                        problems.add(new ConfigProblem(
                                valuePointer,
                                "Not a valid regular expression: " + e.getDescription() + " near index "
                                        + e.getIndex()));
                    }
                }
                break;
            case EQ:
            case NE:
                if (raw == null) {
                    problems.add(new ConfigProblem(valuePointer, op.word() + " needs a value to compare with"));
                }
                break;
            default: // gt, gte, lt, lte, contains, startsWith
                if (!(raw instanceof ConfigValue.Text
                        || raw instanceof ConfigValue.Num
                        || (raw instanceof ConfigValue.Bool
                                && (op == Operator.CONTAINS || op == Operator.STARTS_WITH)))) {
                    problems.add(new ConfigProblem(
                            valuePointer,
                            op.word() + " needs a number or a text value"
                                    + (raw == null ? "" : ", not " + raw.typeName())));
                }
        }
        return problems.size() == before ? new Rule(field, op, value, pattern, expectPresent) : null;
    }
}
