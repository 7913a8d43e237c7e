package dev.switchboard.runtime.importer.nodered;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node-RED's message → Switchboard's event: {@code msg.payload} is the event's {@code data}
 * ({@code msg.payload.customer.email} → {@code data.customer.email}) and {@code msg.topic} its
 * {@code subject} (what MQTT triggers set it to). Other message properties ({@code msg.req},
 * {@code msg.headers} …) and flow, global and environment context have no counterpart.
 */
final class MsgPaths {
    private static final Pattern MUSTACHE = Pattern.compile("\\{\\{\\{\\s*(.*?)\\s*}}}|\\{\\{\\s*(.*?)\\s*}}");

    private MsgPaths() {}

    /** The event look-up for a message property ({@code payload.x} or {@code msg.payload.x}). */
    static String lookup(String property) throws Unmappable {
        String p = property == null ? "payload" : property.trim();
        if (p.startsWith("msg.")) {
            p = p.substring("msg.".length());
        }
        if (p.equals("payload")) {
            return "data";
        }
        if (p.startsWith("payload.") || p.startsWith("payload[")) {
            return "data" + p.substring("payload".length()).replace("[\"", "['").replace("\"]", "']");
        }
        if (p.equals("topic")) {
            return "subject";
        }
        throw new Unmappable("msg." + p
                + " has no counterpart in a Switchboard event (msg.payload is its data, msg.topic its subject)");
    }

    /** Requires a property of the message, not of flow, global or environment context. */
    static void requireMsg(String propertyType, String what) throws Unmappable {
        if (propertyType != null && !propertyType.equals("msg")) {
            throw new Unmappable(what + " reads " + propertyType
                    + " context, which Switchboard does not have (only the event's data and attributes)");
        }
    }

    /**
     * Where a message property lives in the data, as a map step's output field: {@code payload.a.b}
     * → {@code a.b}; {@code payload} itself → the empty text (the whole data).
     */
    static String dataField(String property) throws Unmappable {
        String lookup = lookup(property);
        if (lookup.equals("data")) {
            return "";
        }
        if (!lookup.startsWith("data.") || lookup.contains("[")) {
            throw new Unmappable("a map step sets fields of the data by dotted names; it cannot set "
                    + (lookup.startsWith("data") ? "msg." + property + " (an array item)" : "msg." + property));
        }
        return lookup.substring("data.".length());
    }

    /**
     * A Node-RED mustache template as a Switchboard template: {@code {{payload.name}}} and
     * {@code {{{payload.name}}}} → {@code {{data.name}}}. Sections, partials and context look-ups
     * have no counterpart.
     */
    static String template(String mustache) throws Unmappable {
        Matcher m = MUSTACHE.matcher(mustache);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String tag = m.group(1) != null ? m.group(1) : m.group(2);
            if (tag.startsWith("&")) {
                tag = tag.substring(1).trim();
            }
            if (!tag.isEmpty() && "#^/!>=".indexOf(tag.charAt(0)) >= 0) {
                throw new Unmappable(
                        "the mustache tag {{" + tag
                                + "}} (a section, comment or partial) has no counterpart: Switchboard templates are look-ups only");
            }
            if (tag.startsWith("flow.") || tag.startsWith("global.") || tag.startsWith("env.")) {
                throw new Unmappable("the mustache tag {{" + tag + "}} reads context Switchboard does not have");
            }
            m.appendReplacement(out, Matcher.quoteReplacement("{{" + lookup(tag) + "}}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Literal text that must not be read as a template. */
    static String literal(String text, String what) throws Unmappable {
        if (text.contains("{{")) {
            throw new Unmappable(what + " holds '{{', which a Switchboard template would read as a look-up");
        }
        return text;
    }
}
