package dev.switchboard.connector.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.connector.spi.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{path | formatter:arg | …}}} look-ups, parsed once and rendered per event.
 * Only field look-ups and a fixed set of {@link Formatter}s: never code, never evaluation of data.
 */
public final class Template {
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)}}");

    private final String source;
    private final List<Object> parts; // String literals and Lookup expressions

    private Template(String source, List<Object> parts) {
        this.source = source;
        this.parts = parts;
    }

    /** Parses a template; fails with a readable message on an unknown formatter or a bad path. */
    public static Template parse(String source) {
        List<Object> parts = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(source);
        int last = 0;
        while (m.find()) {
            if (isReference(m.group(1))) {
                continue; // resolved before compile; kept literal so validation can parse the template
            }
            if (m.start() > last) {
                parts.add(source.substring(last, m.start()));
            }
            parts.add(Lookup.parse(m.group(1)));
            last = m.end();
        }
        if (last < source.length()) {
            parts.add(source.substring(last));
        }
        return new Template(source, List.copyOf(parts));
    }

    /** {@code {{secret:NAME}}} and {@code {{env:NAME}}} are runtime references, not look-ups. */
    static boolean isReference(String expression) {
        String t = expression.trim();
        return t.startsWith("secret:") || t.startsWith("env:");
    }

    /** Null when the template parses, else why it does not. */
    public static String problem(String source) {
        try {
            parse(source);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public boolean isConstant() {
        return parts.stream().noneMatch(Lookup.class::isInstance);
    }

    /** The field paths this template reads, for the designer's suggestions and checks. */
    public List<FieldPath> paths() {
        return parts.stream()
                .filter(Lookup.class::isInstance)
                .map(p -> ((Lookup) p).path)
                .toList();
    }

    public String render(Event event) {
        if (parts.size() == 1 && parts.get(0) instanceof String s) {
            return s;
        }
        StringBuilder out = new StringBuilder(source.length() + 32);
        for (Object part : parts) {
            if (part instanceof String s) {
                out.append(s);
            } else {
                out.append(asText(((Lookup) part).evaluate(event)));
            }
        }
        return out.toString();
    }

    /**
     * Renders to JSON: a template that is exactly one look-up keeps the value's JSON type (a number
     * stays a number, an object stays an object); anything else renders to text.
     */
    public JsonNode renderJson(Event event) {
        if (parts.size() == 1 && parts.get(0) instanceof Lookup lookup) {
            JsonNode value = lookup.evaluate(event);
            return value.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value;
        }
        return TextNode.valueOf(render(event));
    }

    static String asText(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    @Override
    public String toString() {
        return source;
    }

    private record Lookup(FieldPath path, List<Formatter.Applied> formatters) {
        static Lookup parse(String expression) {
            String[] pieces = splitPipes(expression);
            String pathText = pieces[0].trim();
            FieldPath path = FieldPath.parse(pathText);
            List<Formatter.Applied> formatters = new ArrayList<>();
            for (int i = 1; i < pieces.length; i++) {
                formatters.add(Formatter.parse(pieces[i].trim()));
            }
            return new Lookup(path, List.copyOf(formatters));
        }

        JsonNode evaluate(Event event) {
            JsonNode value = path.lookup(event);
            for (Formatter.Applied f : formatters) {
                value = f.apply(value);
            }
            return value == null ? MissingNode.getInstance() : value;
        }

        /** Splits on '|' outside single or double quotes. */
        private static String[] splitPipes(String expression) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            char quote = 0;
            for (char c : expression.toCharArray()) {
                if (quote != 0) {
                    if (c == quote) quote = 0;
                    cur.append(c);
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    cur.append(c);
                } else if (c == '|') {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            out.add(cur.toString());
            return out.toArray(String[]::new);
        }
    }
}
