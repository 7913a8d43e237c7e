package dev.switchboard.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template whose look-up results are escaped for where they land (a URL, a JSON document, a
 * form body), so event data can never change the structure around it. Literal text is kept as
 * written; each {@code {{…}}} is a {@link Template} of its own.
 */
final class TemplateText {
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)}}");

    /** Escapes one look-up's value; {@code first} is true when the look-up starts the text. */
    interface Escaper {
        String escape(JsonNode value, boolean first);
    }

    private final List<Object> parts; // String literals and Template look-ups

    private TemplateText(List<Object> parts) {
        this.parts = parts;
    }

    static TemplateText parse(String source) {
        List<Object> parts = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(source);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(source.substring(last, m.start()));
            }
            parts.add(Template.parse(m.group()));
            last = m.end();
        }
        if (last < source.length()) {
            parts.add(source.substring(last));
        }
        return new TemplateText(List.copyOf(parts));
    }

    String render(Event event, Escaper escaper) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Object part = parts.get(i);
            if (part instanceof String literal) {
                out.append(literal);
            } else {
                out.append(escaper.escape(((Template) part).renderJson(event), i == 0));
            }
        }
        return out.toString();
    }

    static Escaper plain() {
        return (value, first) -> text(value);
    }

    static Escaper of(Function<String, String> textEscaper) {
        return (value, first) -> textEscaper.apply(text(value));
    }

    static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
