package dev.switchboard.connector.saas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.ingress.IngressAnswer;
import dev.switchboard.connector.support.Json;

/**
 * What a vendor's trigger makes of an authenticated call: an event to run (with the vendor's own
 * delivery id and event type), or an answer that ends the call without a run (a ping, Slack's URL
 * verification, an event type the node does not take).
 */
public sealed interface Delivery {

    /** An event to run: {@code id} becomes the CloudEvent id and the redelivery key, {@code type} its type. */
    record Run(String id, String type, JsonNode data) implements Delivery {}

    /** Answered at once; nothing is stored and nothing runs. */
    record Answer(IngressAnswer answer) implements Delivery {}

    static Delivery run(String id, String type, JsonNode data) {
        return new Run(id, type, data);
    }

    /** 200 with {@code {"ignored": reason}}: the vendor sees success and does not retry. */
    static Delivery ignored(String reason) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("ignored", reason);
        return new Answer(IngressAnswer.json(200, node.toString()));
    }

    static Delivery answer(int status, JsonNode body) {
        return new Answer(IngressAnswer.json(status, body.toString()));
    }

    /** The vendor's call lacks what every call of its kind carries; answered 400. */
    final class Malformed extends Exception {
        public Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
