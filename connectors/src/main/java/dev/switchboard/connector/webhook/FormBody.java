package dev.switchboard.connector.webhook;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} body from its raw bytes (so a signature can
 * cover it like any other body): one field per name, a name sent several times becomes a list.
 */
final class FormBody {
    private FormBody() {}

    static Map<String, Object> parse(byte[] body, Charset charset) throws WebhookEvents.BadBody {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String pair : new String(body, charset).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            fields.merge(name, value, FormBody::join);
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static Object join(Object existing, Object added) {
        List<Object> values;
        if (existing instanceof List<?> list) {
            values = (List<Object>) list;
        } else {
            values = new ArrayList<>();
            values.add(existing);
        }
        values.add(added);
        return values;
    }

    private static String decode(String text, Charset charset) throws WebhookEvents.BadBody {
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException e) {
            throw new WebhookEvents.BadBody("The body is not valid form data: " + e.getMessage());
        }
    }
}
