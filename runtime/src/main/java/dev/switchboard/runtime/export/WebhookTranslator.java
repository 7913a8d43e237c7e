package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.constant;
import static dev.switchboard.runtime.export.CamelSteps.map;
import static dev.switchboard.runtime.export.CamelSteps.simple;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;
import java.util.Map;

/**
 * {@code webhook} as {@code platform-http}: the body as text, the request's headers dropped (so
 * they cannot steer a later {@code http} call), the event handed on by a wire tap and the caller
 * answered 202 with the exchange id — accepted, then run, as Switchboard answers; but not stored.
 */
final class WebhookTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("webhook");
    }

    @Override
    public void translate(NodeExport node) {
        NodeConfig config = node.config();
        node.from(
                "platform-http:" + config.string("path", "/"),
                map("httpMethodRestrict", config.string("method", "POST")));
        node.routesItself();
        String auth = config.string("auth", "none");
        if (auth.equals("bearer")) {
            String expected = "Bearer " + SimpleTemplates.placeholders(config.string("token", ""));
            node.add(CamelSteps.filter(
                    simple("${header.Authorization} != '" + expected + "'"),
                    List.of(
                            CamelSteps.setHeader("CamelHttpResponseCode", constant("401")),
                            CamelSteps.setBody(constant("{\"error\":\"unauthorized\"}")),
                            CamelSteps.stop())));
            node.note("auth bearer", "checked with a plain (not constant-time) comparison of the Authorization header");
        } else if (!auth.equals("none")) {
            node.note(
                    "auth " + auth,
                    "not exported: every request is accepted; add a check (e.g. a Camel processor) before the wire tap");
        }
        if (config.has("maxBodySize")) {
            node.note("maxBodySize", "not exported; set the HTTP server's own limit (camel.server.* properties)");
        }
        node.note(
                "accepted events",
                "answered 202 and handed on in memory (wireTap): not stored first, lost on a crash; form bodies are"
                        + " not turned into fields");
        node.add(CamelSteps.bodyAsText());
        node.add(CamelSteps.removeHeaders("*"));
        List<Object> next = node.sendTo("out");
        if (next.size() == 1 && next.get(0) instanceof Map<?, ?> to && to.get("to") != null) {
            node.add(CamelSteps.step("wireTap", to.get("to")));
        } else if (!next.isEmpty()) {
            // a multicast cannot be wire-tapped directly: it gets a route of its own
            String fanOut = NodeExport.inputOf(node.flowId(), node.nodeId()) + ".out";
            node.add(CamelSteps.step("wireTap", map("uri", fanOut)));
            node.extraRoute(fanOut, next);
        }
        node.add(CamelSteps.setHeader("CamelHttpResponseCode", constant("202")));
        node.add(CamelSteps.setHeader("Content-Type", constant("application/json")));
        node.add(CamelSteps.setBody(simple("{\"id\":\"${exchangeId}\"}")));
    }
}
