package dev.switchboard.connector.ingress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.EventRejectedException;
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

    /**
     * 400 {@code {"error": "contract_violation", "message": …, "contract": "orders@2", "violations":
     * [{"pointer": "/customer/email", "message": …}]}}: the event broke the hook's data contract.
     */
    public static IngressAnswer rejected(EventRejectedException rejected) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("error", "contract_violation");
        node.put("message", rejected.getMessage());
        node.put("contract", rejected.contract());
        ArrayNode violations = node.putArray("violations");
        for (EventRejectedException.Violation v : rejected.violations()) {
            violations.addObject().put("pointer", v.pointer()).put("message", v.message());
        }
        return json(400, node.toString());
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
