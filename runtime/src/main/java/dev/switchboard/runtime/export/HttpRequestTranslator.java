package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.constant;
import static dev.switchboard.runtime.export.CamelSteps.simple;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code http.request} as Camel's {@code http} producer. Without a body template the event data is
 * sent as JSON, as in Switchboard; a JSON body template becomes a JSONata transformation first.
 * Output {@code original} keeps the event data in a variable around the call.
 */
final class HttpRequestTranslator implements NodeTranslator {
    private static final String ORIGINAL = "httpOriginalBody";

    @Override
    public List<String> types() {
        return List.of("http.request");
    }

    @Override
    public void translate(NodeExport node) {
        NodeConfig config = node.config();
        String method = config.string("method", "POST").toUpperCase(Locale.ROOT);
        boolean original = config.string("output", "response").equals("original");
        if (original) {
            node.add(CamelSteps.setVariable(ORIGINAL, simple("${body}")));
        } else {
            node.note("output response", "the event data becomes the response body alone, not {status, headers, body}");
        }
        // headers the trigger's endpoint set (CamelHttpUri, CamelHttpPath, …) would redirect the call
        node.add(CamelSteps.removeHeaders("*"));
        body(node, config, method);
        String contentType = config.string("contentType", "application/json");
        node.add(CamelSteps.setHeader("Content-Type", constant(contentType)));
        config.stringMap("headers")
                .forEach((name, value) -> node.add(
                        CamelSteps.setHeader(name, simple(SimpleTemplates.simple(value, node, "headers." + name)))));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("httpMethod", method);
        auth(node, config, parameters);
        if (config.bool("idempotencyKey", false)) {
            node.add(CamelSteps.setHeader("Idempotency-Key", simple("${exchangeId}")));
            node.note("idempotencyKey", "the key is Camel's exchange id, not the event id: a replay gets a new key");
        }
        config.duration("timeout").ifPresent(t -> parameters.put("responseTimeout", t.toMillis()));
        String url = config.string("url", "");
        if (TemplateParts.parse(url).hasLookups()) {
            node.add(CamelSteps.toD(SimpleTemplates.simple(url, node, "url"), parameters));
            node.note("url", "look-ups are not percent-encoded: event data can change the path");
        } else {
            node.add(CamelSteps.to(SimpleTemplates.placeholders(url), parameters));
        }
        if (config.has("retries") || config.has("retryBackoff") || config.has("retry")) {
            node.note(
                    "retries",
                    "not exported: Camel's default error handler does not redeliver; Retry-After is not honoured");
        }
        if (original) {
            node.add(CamelSteps.setBody(simple("${variable." + ORIGINAL + "}")));
        } else {
            node.add(CamelSteps.bodyAsText());
        }
    }

    private static void body(NodeExport node, NodeConfig config, String method) {
        String body = config.string("body", "");
        boolean sendsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (body.isBlank()) {
            if (!sendsBody) {
                node.add(CamelSteps.setBody(simple("${null}")));
            }
            return;
        }
        if (config.string("contentType", "application/json").contains("json")) {
            ConfigValue template;
            try {
                template = FlowCodec.toConfigValue(FlowCodec.parseTree(body));
            } catch (MalformedFlowException e) {
                node.note("body", "is not JSON (" + e.getMessage() + "); sent as text");
                node.add(CamelSteps.setBody(simple(SimpleTemplates.simple(body, node, "body"))));
                return;
            }
            String bean = node.bean("body", JsonataTemplates.json(template, node, "body"));
            node.add(CamelSteps.to(
                    "jsonata:ref:" + bean, CamelSteps.map("inputType", "JsonString", "outputType", "JsonString")));
        } else {
            node.add(CamelSteps.setBody(simple(SimpleTemplates.simple(body, node, "body"))));
            if (config.string("contentType", "").contains("form")) {
                node.note("body", "look-ups are not form-encoded");
            }
        }
    }

    private static void auth(NodeExport node, NodeConfig config, Map<String, Object> parameters) {
        switch (config.string("auth", "none")) {
            case "bearer" ->
                node.add(CamelSteps.setHeader(
                        "Authorization", simple("Bearer " + SimpleTemplates.placeholders(config.string("token", "")))));
            case "basic" -> {
                parameters.put("authMethod", "Basic");
                parameters.put("authUsername", SimpleTemplates.placeholders(config.string("username", "")));
                parameters.put("authPassword", SimpleTemplates.placeholders(config.string("password", "")));
            }
            case "api-key" ->
                node.add(CamelSteps.setHeader(
                        config.string("apiKeyHeader", "X-API-Key"),
                        simple(SimpleTemplates.placeholders(config.string("apiKey", "")))));
            case "oauth2" -> {
                parameters.put("oauth2ClientId", SimpleTemplates.placeholders(config.string("clientId", "")));
                parameters.put("oauth2ClientSecret", SimpleTemplates.placeholders(config.string("clientSecret", "")));
                parameters.put("oauth2TokenEndpoint", config.string("tokenUrl", ""));
                config.string("scope").ifPresent(s -> parameters.put("oauth2Scope", s));
                if (config.has("audience") || config.has("clientAuth")) {
                    node.note("oauth2", "audience and client authentication 'body' are not exported");
                }
            }
            default -> {}
        }
    }
}
