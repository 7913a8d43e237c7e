package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Numeric bounds: a lower maximum or a higher minimum (or one added) narrows the schema, the
 * opposite widens it.
 */
final class BoundsRule implements CompatibilityRule {
    private static final Set<String> MAXIMA =
            Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
    private static final Set<String> MINIMA =
            Set.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");

    @Override
    public Set<String> keywords() {
        Set<String> all = new java.util.HashSet<>(MAXIMA);
        all.addAll(MINIMA);
        return all;
    }

    @Override
    public void compare(JsonNode before, JsonNode after, String pointer, Nested nested, List<SchemaChange> changes) {
        for (String keyword : keywords().stream().sorted().toList()) {
            JsonNode old = before.get(keyword);
            JsonNode next = after.get(keyword);
            if (old == null && next == null || old != null && old.equals(next)) {
                continue;
            }
            String at = pointer + "/" + keyword;
            if (old != null && !old.isNumber() || next != null && !next.isNumber()) {
                changes.add(SchemaChange.either(at, keyword + " changed"));
                continue;
            }
            boolean isMax = MAXIMA.contains(keyword);
            int direction;
            if (old == null) {
                direction = -1; // a bound added tightens
            } else if (next == null) {
                direction = 1;
            } else {
                BigDecimal o = old.decimalValue();
                BigDecimal n = next.decimalValue();
                direction = isMax ? n.compareTo(o) : o.compareTo(n);
            }
            String what = keyword + " "
                    + (old == null
                            ? "added (" + next + ")"
                            : next == null ? "removed (was " + old + ")" : "changed from " + old + " to " + next);
            if (direction < 0) {
                changes.add(SchemaChange.narrowing(at, what));
            } else if (direction > 0) {
                changes.add(SchemaChange.widening(at, what));
            }
        }
    }
}
