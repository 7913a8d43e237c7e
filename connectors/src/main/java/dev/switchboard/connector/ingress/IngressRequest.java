package dev.switchboard.connector.ingress;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request the ingress received in full and hands to the hook mounted for it: the raw body bytes
 * exactly as sent (what a signature covers) and the headers, looked up case-insensitively (several
 * values of one header joined with {@code ", "}), and the raw query string (without {@code ?}; empty
 * when none), which a signature over the called URL covers (HubSpot's v3).
 */
public record IngressRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    public IngressRequest {
        query = query == null ? "" : query;
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    public IngressRequest(String method, String path, Map<String, String> headers, byte[] body) {
        this(method, path, "", headers, body);
    }
}
