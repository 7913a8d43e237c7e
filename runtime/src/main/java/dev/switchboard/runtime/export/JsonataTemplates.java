package dev.switchboard.runtime.export;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.export.TemplateParts.Literal;
import dev.switchboard.runtime.export.TemplateParts.Lookup;
import dev.switchboard.runtime.export.TemplateParts.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Switchboard templates as JSONata over the message body (the event's data), for {@code map} and
 * JSON request bodies. A template that is one look-up keeps the value's JSON type and gives
 * {@code null} for a missing field, as Switchboard does; any other template is text joined with
 * {@code &}. Formatters map to JSONata functions; {@code date} has no equivalent and is noted.
 */
final class JsonataTemplates {
    private JsonataTemplates() {}

    static String value(String template, NodeExport node, String property) {
        TemplateParts parsed = TemplateParts.parse(template);
        if (parsed.isSingleLookup()) {
            Lookup lookup = (Lookup) parsed.parts().get(0);
            String path = path(lookup, node, property);
            if (path.equals("null")) {
                return "null";
            }
            // JSONata leaves a field out when its value is undefined; Switchboard writes null
            String value = formatted(path, lookup, node, property);
            return value.equals(path)
                    ? "($exists(" + path + ") ? " + path + " : null)"
                    : "($v := " + value + "; $exists($v) ? $v : null)";
        }
        List<String> pieces = new ArrayList<>();
        for (TemplateParts.Part part : parsed.parts()) {
            if (part instanceof Literal l) {
                pieces.add(string(l.text()));
            } else if (part instanceof Reference r) {
                node.note(
                        property + ": " + r.placeholder(),
                        "a reference inside a JSONata expression is not resolved by Camel; left as text");
                pieces.add(string(r.placeholder()));
            } else if (part instanceof Lookup l) {
                pieces.add(formatted(path(l, node, property), l, node, property));
            }
        }
        return pieces.isEmpty() ? "\"\"" : String.join(" & ", pieces);
    }

    /** An object built from output fields whose dots nest: {@code customer.email}. */
    static String object(Map<String, String> fields, NodeExport node) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String[] names = field.getKey().split("\\.");
            Map<String, Object> at = tree;
            for (int i = 0; i < names.length - 1; i++) {
                Object next = at.computeIfAbsent(names[i], k -> new LinkedHashMap<String, Object>());
                if (!(next instanceof Map)) {
                    node.note("fields: " + field.getKey(), "conflicts with the field " + names[i] + "; left out");
                    at = null;
                    break;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) next;
                at = child;
            }
            if (at != null) {
                at.put(names[names.length - 1], value(field.getValue(), node, "fields." + field.getKey()));
            }
        }
        return write(tree);
    }

    /** A JSON template (an http.request body): strings are templates, the rest stays as written. */
    static String json(ConfigValue value, NodeExport node, String property) {
        if (value instanceof ConfigValue.Text t) {
            return value(t.value(), node, property);
        }
        if (value instanceof ConfigValue.Num n) {
            return n.value().toPlainString();
        }
        if (value instanceof ConfigValue.Bool b) {
            return Boolean.toString(b.value());
        }
        if (value instanceof ConfigValue.Items items) {
            List<String> out = new ArrayList<>();
            for (ConfigValue item : items.values()) {
                out.add(json(item, node, property));
            }
            return "[" + String.join(", ", out) + "]";
        }
        if (value instanceof ConfigValue.Fields fields) {
            Map<String, Object> out = new LinkedHashMap<>();
            fields.values().forEach((k, v) -> out.put(k, json(v, node, property + "." + k)));
            return write(out);
        }
        return "null";
    }

    private static String write(Map<String, Object> tree) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            @SuppressWarnings("unchecked")
            String value = e.getValue() instanceof Map<?, ?> m ? write((Map<String, Object>) m) : (String) e.getValue();
            entries.add(string(e.getKey()) + ": " + value);
        }
        return "{" + String.join(", ", entries) + "}";
    }

    private static String path(Lookup lookup, NodeExport node, String property) {
        if (!lookup.field().isData()) {
            node.note(
                    property + ": {{" + lookup.field().text() + "}}",
                    "envelope attributes are not carried by the exported routes; null instead");
            return "null";
        }
        return lookup.field().jsonata();
    }

    private static String formatted(String value, Lookup lookup, NodeExport node, String property) {
        String out = value;
        for (String formatter : lookup.formatters()) {
            int colon = formatter.indexOf(':');
            String word = (colon < 0 ? formatter : formatter.substring(0, colon)).trim();
            String arg =
                    colon < 0 ? null : unquote(formatter.substring(colon + 1).trim());
            switch (word) {
                case "upper" -> out = "$uppercase(" + out + ")";
                case "lower" -> out = "$lowercase(" + out + ")";
                case "trim" -> out = "$trim(" + out + ")";
                case "number" -> out = "$number(" + out + ")";
                case "json" -> out = "$string(" + out + ")";
                case "default" ->
                    out = "($v := " + out + "; $exists($v) and $v != null and $v != \"\" ? $v : " + string(arg) + ")";
                case "decimals" -> out = "($number(" + out + ") / " + "1" + "0".repeat(Integer.parseInt(arg)) + ")";
                default ->
                    node.note(
                            property + ": formatter " + formatter,
                            "has no JSONata equivalent here; the raw value is used");
            }
        }
        return out;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("'") || s.startsWith("\"")) ? s.substring(1, s.length() - 1) : s;
    }

    /** A JSONata string literal (JSON's escaping). */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
