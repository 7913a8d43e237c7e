package dev.switchboard.runtime.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Switchboard template ({@code Order {{data.id | upper}}}) split into literal text, secret
 * references and look-ups, so each target language can be written from the parts. Parsing
 * mirrors {@code connector.support.Template}: {@code {{secret:X}}} and {@code {{env:X}}} are
 * references, anything else is a field path followed by {@code | formatter:arg} filters.
 */
final class TemplateParts {
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)}}");

    sealed interface Part permits Literal, Reference, Lookup {}

    record Literal(String text) implements Part {}

    /** {@code {{secret:NAME}}} (secret true) or {@code {{env:NAME}}}. */
    record Reference(String name, boolean secret) implements Part {
        /** A Camel property placeholder: never resolved into the exported file. */
        String placeholder() {
            return secret ? "{{" + name + "}}" : "{{env:" + name + "}}";
        }
    }

    record Lookup(FieldLookup field, List<String> formatters) implements Part {}

    private final List<Part> parts;

    private TemplateParts(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    static TemplateParts parse(String source) {
        List<Part> parts = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(source);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(new Literal(source.substring(last, m.start())));
            }
            String inner = m.group(1).trim();
            if (inner.startsWith("secret:")) {
                parts.add(new Reference(inner.substring("secret:".length()).trim(), true));
            } else if (inner.startsWith("env:")) {
                parts.add(new Reference(inner.substring("env:".length()).trim(), false));
            } else {
                String[] pieces = inner.split("\\|");
                List<String> formatters = new ArrayList<>();
                for (int i = 1; i < pieces.length; i++) {
                    formatters.add(pieces[i].trim());
                }
                parts.add(new Lookup(FieldLookup.parse(pieces[0]), formatters));
            }
            last = m.end();
        }
        if (last < source.length()) {
            parts.add(new Literal(source.substring(last)));
        }
        return new TemplateParts(parts);
    }

    List<Part> parts() {
        return parts;
    }

    boolean hasLookups() {
        return parts.stream().anyMatch(Lookup.class::isInstance);
    }

    /** The template is exactly one look-up, which keeps its JSON type in Switchboard. */
    boolean isSingleLookup() {
        return parts.size() == 1 && parts.get(0) instanceof Lookup;
    }
}
