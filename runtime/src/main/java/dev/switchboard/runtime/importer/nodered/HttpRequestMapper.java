package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code http request} → {@code http.request}: method, URL (mustache → template), headers, auth by secret reference. */
final class HttpRequestMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        String method = node.text("method", "GET").toUpperCase(Locale.ROOT);
        if (method.equals("USE")) {
            throw new Unmappable("its method comes from msg.method");
        }
        String url = node.text("url");
        if (url == null) {
            throw new Unmappable("its URL comes from msg.url");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        config.put("method", method);
        config.put("url", MsgPaths.template(url));
        Map<String, Object> headers = headers(node);
        if (!headers.isEmpty()) {
            config.put("headers", headers);
        }
        auth(node, config, notes);
        notes.add("the event's data becomes {status, headers, body}: what Node-RED put in msg.payload is data.body"
                + " here, so look-ups after this node read data.body…");
        if (node.flag("paytoqs") && method.equals("GET")) {
            notes.add("Node-RED sent msg.payload as query parameters; put them in the URL as {{data.…}} look-ups");
        }
        if (node.text("tls") != null || node.text("proxy") != null) {
            notes.add("its TLS or proxy configuration is not imported");
        }
        return Mapping.converted("http.request", List.of((ConfigValue.Fields) ConfigValue.from(config)), notes);
    }

    /** Node-RED 2.1+ headers: {@code keyType} a header name or "other" with {@code keyValue}, values alike. */
    private static Map<String, Object> headers(NodeRedNode node) throws Unmappable {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (NodeConfig header : node.props().objects("headers")) {
            String key = header.string("keyType", "other").equals("other")
                    ? header.string("keyValue", "")
                    : header.string("keyType", "");
            String valueType = header.string("valueType", "other");
            if (valueType.equals("msg")) {
                throw new Unmappable("its header '" + key + "' comes from msg." + header.string("valueValue", ""));
            }
            String value = valueType.equals("other") ? header.string("valueValue", "") : valueType;
            if (!key.isBlank()) {
                headers.put(key, MsgPaths.literal(value, "its header '" + key + "'"));
            }
        }
        return headers;
    }

    private static void auth(NodeRedNode node, Map<String, Object> config, List<String> notes) throws Unmappable {
        String authType = node.text("authType");
        if (authType == null) {
            return;
        }
        String prefix = "NODERED_"
                + Slugs.slug(node.label(), "http").toUpperCase(Locale.ROOT).replace('-', '_');
        switch (authType) {
            case "basic" -> {
                config.put("auth", "basic");
                config.put("username", "{{secret:" + prefix + "_USERNAME}}");
                config.put("password", "{{secret:" + prefix + "_PASSWORD}}");
                notes.add("credentials are not in a Node-RED export: set the secrets " + prefix + "_USERNAME and "
                        + prefix + "_PASSWORD");
            }
            case "bearer" -> {
                config.put("auth", "bearer");
                config.put("token", "{{secret:" + prefix + "_TOKEN}}");
                notes.add("credentials are not in a Node-RED export: set the secret " + prefix + "_TOKEN");
            }
            default -> throw new Unmappable("its " + authType + " authentication has no counterpart");
        }
    }
}
