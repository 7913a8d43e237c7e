package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every keyword no other rule understands ({@code pattern}, {@code format}, {@code const},
 * {@code oneOf}, {@code $ref}, {@code $defs}, …): any difference is taken as breaking both ways,
 * since this checker cannot tell whether it narrows or widens. Annotations — {@code title},
 * {@code description}, {@code examples} and other keywords that never change what validates, and
 * every {@code x-…} extension such as {@code x-classification} — are ignored.
 */
final class OtherKeywordsRule implements CompatibilityRule {
    static final Set<String> ANNOTATIONS = Set.of(
            "$schema",
            "$id",
            "$comment",
            "$anchor",
            "title",
            "description",
            "examples",
            "default",
            "deprecated",
            "readOnly",
            "writeOnly");

    private final Set<String> understood;

    OtherKeywordsRule(Set<String> understood) {
        this.understood = understood;
    }

    @Override
    public Set<String> keywords() {
        return Set.of();
    }

    @Override
    public void compare(JsonNode before, JsonNode after, String pointer, Nested nested, List<SchemaChange> changes) {
        Set<String> keywords = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(keywords::add);
        after.fieldNames().forEachRemaining(keywords::add);
        for (String keyword : keywords) {
            if (understood.contains(keyword) || ANNOTATIONS.contains(keyword) || keyword.startsWith("x-")) {
                continue;
            }
            JsonNode old = before.get(keyword);
            JsonNode next = after.get(keyword);
            if (old == null ? next != null : !old.equals(next)) {
                String what = old == null ? "added" : next == null ? "removed" : "changed";
                changes.add(SchemaChange.either(
                        pointer + "/" + PropertiesRule.escape(keyword),
                        "'" + keyword + "' " + what + " (not compared in detail: taken as breaking both ways)"));
            }
        }
    }
}
