package dev.switchboard.connector.saas;

import dev.switchboard.connector.ingress.IngressRequest;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor's way of signing its webhook calls, checked in two steps like the webhook's own
 * authentication: {@link #rejectHeaders} on the headers alone, before the ingress reads the body
 * (a missing or malformed signature, a stale timestamp), and {@link #reject} on the raw body bytes
 * exactly as received. Every comparison of a signature runs in constant time.
 */
public interface SignatureScheme {

    /** Empty when the headers may pass; otherwise why not (safe to show the caller). Headers are case-insensitive. */
    Optional<String> rejectHeaders(Map<String, String> headers);

    /** Empty when the request is signed by the holder of the secret; otherwise why not. */
    Optional<String> reject(IngressRequest request);

    /** A header value, trimmed; empty when absent or blank. */
    static String header(Map<String, String> headers, String name) {
        String value = headers.get(name);
        return value == null ? "" : value.trim();
    }
}
