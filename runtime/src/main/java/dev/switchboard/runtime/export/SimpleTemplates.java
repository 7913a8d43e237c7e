package dev.switchboard.runtime.export;

import dev.switchboard.runtime.export.TemplateParts.Literal;
import dev.switchboard.runtime.export.TemplateParts.Lookup;
import dev.switchboard.runtime.export.TemplateParts.Reference;

/**
 * Switchboard templates as Camel {@code simple} text: {@code Order {{data.id}}} becomes
 * {@code Order ${jsonpath($.id)}}, {@code {{secret:X}}} the property placeholder {@code {{X}}}.
 */
final class SimpleTemplates {
    private SimpleTemplates() {}

    static String simple(String template, NodeExport node, String property) {
        StringBuilder out = new StringBuilder();
        for (TemplateParts.Part part : TemplateParts.parse(template).parts()) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Reference r) {
                out.append(r.placeholder());
            } else if (part instanceof Lookup l) {
                if (!l.field().isData()) {
                    node.note(
                            property + ": {{" + l.field().text() + "}}",
                            "envelope attributes are not carried by the exported routes; left empty");
                    continue;
                }
                if (!l.formatters().isEmpty()) {
                    node.note(
                            property + ": formatter " + String.join(" | ", l.formatters()),
                            "not exported; the raw value of " + l.field().text() + " is used");
                }
                out.append("${jsonpath(").append(l.field().jsonPath("$")).append(")}");
            }
        }
        return out.toString();
    }

    /**
     * A property that holds only text and secret references (a URL, a password): the references
     * become Camel property placeholders, never their values.
     */
    static String placeholders(String text) {
        StringBuilder out = new StringBuilder();
        for (TemplateParts.Part part : TemplateParts.parse(text).parts()) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Reference r) {
                out.append(r.placeholder());
            } else if (part instanceof Lookup l) {
                out.append("{{").append(l.field().text()).append("}}");
            }
        }
        return out.toString();
    }
}
