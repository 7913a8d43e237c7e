package dev.switchboard.connector.ingress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the ingress sends back: a status, a few headers and a JSON body. Every answer, the errors of
 * the ingress itself included, is JSON, so a caller never has to parse an HTML error page.
 */
public record IngressAnswer(int status, Map<String, String> headers, byte[] body) {
    private static final String JSON_TYPE = "application/json";

    public IngressAnswer {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static IngressAnswer json(int status, String json) {
        return new IngressAnswer(status, Map.of("Content-Type", JSON_TYPE), json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"error": code, "message": message}}; the message must be safe to show the caller. */
    public static IngressAnswer error(int status, String code, String message) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("error", code);
        node.put("message", message);
        return json(status, node.toString());
    }

    public IngressAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new IngressAnswer(status, more, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
