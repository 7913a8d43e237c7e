package dev.switchboard.runtime.export;

import dev.switchboard.connector.support.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Switchboard field path ({@code data.items[0].sku}) as JSONPath and JSONata over the Camel
 * message body, which holds the event's {@code data}. Other roots ({@code type}, {@code id}, …) are
 * envelope attributes the exported routes do not carry: {@link #isData()} is false for them.
 */
record FieldLookup(String text, boolean isData, List<Object> steps) {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static FieldLookup parse(String text) {
        FieldPath.parse(text); // the flow passed validation; this keeps a bad path from being guessed at
        String t = text.trim();
        List<Object> steps = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                flush(steps, name);
            } else if (c == '[') {
                flush(steps, name);
                int close = t.indexOf(']', i);
                String index = t.substring(i + 1, close).trim();
                if (index.startsWith("'") || index.startsWith("\"")) {
                    steps.add(index.substring(1, index.length() - 1));
                } else {
                    steps.add(Integer.parseInt(index));
                }
                i = close;
            } else {
                name.append(c);
            }
        }
        flush(steps, name);
        String root = (String) steps.get(0);
        return new FieldLookup(t, root.equals("data"), List.copyOf(steps.subList(1, steps.size())));
    }

    private static void flush(List<Object> steps, StringBuilder name) {
        if (name.length() > 0) {
            steps.add(name.toString());
            name.setLength(0);
        }
    }

    /** JSONPath from {@code root} ({@code $} or {@code @}): {@code @.customer['first-name']}. */
    String jsonPath(String root) {
        StringBuilder out = new StringBuilder(root);
        for (Object step : steps) {
            if (step instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else if (PLAIN_NAME.matcher((String) step).matches()) {
                out.append('.').append(step);
            } else {
                out.append("['")
                        .append(((String) step).replace("\\", "\\\\").replace("'", "\\'"))
                        .append("']");
            }
        }
        return out.toString();
    }

    /** JSONata from the body: {@code customer.`first-name`}, {@code $} for the whole data. */
    String jsonata() {
        if (steps.isEmpty()) {
            return "$";
        }
        StringBuilder out = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                String name = (String) step;
                out.append(PLAIN_NAME.matcher(name).matches() ? name : "`" + name.replace("`", "") + "`");
            }
        }
        return out.toString();
    }
}
