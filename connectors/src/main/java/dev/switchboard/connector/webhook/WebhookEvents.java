package dev.switchboard.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an authenticated webhook request into the event that enters the flow: the body becomes
 * {@code data}, a few request headers become extension attributes ({@code http<name>}).
 */
public final class WebhookEvents {
    /** Header names with any of these parts are never copied into the event: they carry credentials. */
    private static final List<String> CREDENTIAL_WORDS =
            List.of("auth", "signature", "token", "secret", "cookie", "key", "password", "session");

    private static final int MAX_HEADER_VALUE = 512;
    private static final String IDEMPOTENCY_KEY = "idempotency-key";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final String source;
    private final String type;
    private final String subject;
    private final String signatureHeader;

    public WebhookEvents(String source, String type, String subject, String signatureHeader) {
        this.source = source;
        this.type = type;
        this.subject = subject;
        this.signatureHeader = signatureHeader;
    }

    /** The body could not be read as its content type says; the message is safe to show the caller. */
    public static final class BadBody extends Exception {
        public BadBody(String message) {
            super(message, null, false, false);
        }
    }

    public Event toEvent(WebhookRequest request) throws BadBody {
        return new Event(
                Event.newId(),
                source,
                type,
                Instant.now(),
                subject,
                "application/json",
                data(request),
                extensions(request));
    }

    static JsonNode data(WebhookRequest request) throws BadBody {
        String media = request.mediaType();
        if (media.equals(FORM)) {
            return Json.MAPPER.valueToTree(FormBody.parse(request.body(), request.charset()));
        }
        if (request.body().length == 0) {
            return NullNode.getInstance();
        }
        if (media.isEmpty() || media.equals("application/json") || media.endsWith("+json")) {
            try {
                JsonNode node = Json.MAPPER.readTree(request.body());
                return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
            } catch (IOException e) {
                throw new BadBody("The body is not valid JSON: " + firstLine(e.getMessage()));
            }
        }
        return TextNode.valueOf(new String(request.body(), request.charset()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** {@code User-Agent}, {@code Content-Type}, {@code Idempotency-Key} and {@code X-*} headers without credentials. */
    Map<String, String> extensions(WebhookRequest request) {
        Map<String, String> ext = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> {
            if (copies(name)) {
                String attribute = "http" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                ext.put(attribute, value.length() > MAX_HEADER_VALUE ? value.substring(0, MAX_HEADER_VALUE) : value);
            }
        });
        return ext;
    }

    private boolean copies(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        if (h.equalsIgnoreCase(signatureHeader) || h.startsWith("x-forwarded") || h.equals("x-real-ip")) {
            return false;
        }
        if (h.equals(IDEMPOTENCY_KEY)) {
            return true; // names a delivery, grants nothing: a receiving flow dedupes on it
        }
        if (CREDENTIAL_WORDS.stream().anyMatch(h::contains)) {
            return false;
        }
        return h.equals("user-agent") || h.equals("content-type") || h.startsWith("x-");
    }
}
