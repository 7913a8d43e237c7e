package dev.switchboard.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.connector.support.Json;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The {@code {"status", "headers", "body"}} data an {@code http.request} node hands on. */
public final class HttpResponses {
    private HttpResponses() {}

    static ObjectNode toData(HttpReply response) {
        ObjectNode data = Json.NODES.objectNode();
        data.put("status", response.statusCode());
        ObjectNode headers = data.putObject("headers");
        // sorted lower-case names: HTTP header names are case-insensitive, look-ups should not be
        Map<String, String> sorted = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                sorted.put(name.toLowerCase(Locale.ROOT), String.join(", ", values));
            }
        });
        sorted.forEach(headers::put);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        data.set("body", body(response.body(), contentType));
        return data;
    }

    /** The body parsed as JSON when the content type says JSON, else as text; null for no body. */
    public static JsonNode body(byte[] bytes, String contentType) {
        if (bytes == null || bytes.length == 0) {
            return NullNode.getInstance();
        }
        String media = contentType.toLowerCase(Locale.ROOT);
        if (media.startsWith("application/json") || media.contains("+json")) {
            try {
                JsonNode node = Json.MAPPER.readTree(bytes);
                if (node != null && !node.isMissingNode()) {
                    return node;
                }
            } catch (IOException e) {
                // a server that says JSON but sends something else: keep what it sent, as text
            }
        }
        return TextNode.valueOf(new String(bytes, charset(contentType)));
    }

    /**
     * The top-level strings and numbers of a JSON object, as text (an OAuth2 token endpoint's
     * answer); empty when the body is not a JSON object.
     */
    static Map<String, String> jsonFields(byte[] bytes) {
        Map<String, String> fields = new TreeMap<>();
        if (bytes == null || bytes.length == 0) {
            return fields;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(f -> {
                    if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                        fields.put(f.getKey(), f.getValue().asText());
                    }
                });
            }
        } catch (IOException e) {
            // not JSON: no fields
        }
        return fields;
    }

    private static Charset charset(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
