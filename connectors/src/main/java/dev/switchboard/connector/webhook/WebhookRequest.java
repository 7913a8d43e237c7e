package dev.switchboard.connector.webhook;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One received webhook call as the trigger sees it before anything enters a flow: the raw body
 * bytes exactly as sent (what signatures are computed over, form-encoded bodies included) and the
 * request headers, looked up case-insensitively.
 */
public record WebhookRequest(Map<String, String> headers, byte[] body) {

    public WebhookRequest {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    public static WebhookRequest of(Map<String, String> headers, byte[] body) {
        return new WebhookRequest(headers, body);
    }

    /** The headers alone, for the checks that run before the body is read. */
    public static WebhookRequest headersOnly(Map<String, String> headers) {
        return new WebhookRequest(headers, null);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The media type without parameters, lower-case; empty when the caller sent none. */
    public String mediaType() {
        String type = headers.getOrDefault("Content-Type", "");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    public Charset charset() {
        String type = headers.getOrDefault("Content-Type", "");
        for (String param : type.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8; // an unknown charset label: read as UTF-8 rather than refuse
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
