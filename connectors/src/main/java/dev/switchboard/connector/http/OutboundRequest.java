package dev.switchboard.connector.http;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request an action sends through {@link HttpCaller}: what it says, not how it travels, so the
 * client behind {@code HttpCaller} can change without touching a connector.
 *
 * @param headers one value per header name, in the order they were set; a name set twice keeps the last value
 * @param body the bytes sent, or null for none
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
    public OutboundRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static Builder newBuilder(URI uri) {
        return new Builder(uri);
    }

    /** A builder holding this request's values, to send it again with a header changed. */
    public Builder toBuilder() {
        Builder builder = new Builder(uri).timeout(timeout).method(method, body);
        headers.forEach(builder::setHeader);
        return builder;
    }

    /** The value of header {@code name}, in any case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public static final class Builder {
        private final URI uri;
        // keyed by the lower-case name, so setting a header in another case replaces it
        private final Map<String, Map.Entry<String, String>> headers = new LinkedHashMap<>();
        private String method = "GET";
        private byte[] body;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(URI uri) {
            this.uri = uri;
        }

        /** Sets header {@code name}; a request carries one value per header name. */
        public Builder setHeader(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), Map.entry(name, value));
            return this;
        }

        /** The same as {@link #setHeader}: named like the JDK's builder, which the SaaS actions were written against. */
        public Builder header(String name, String value) {
            return setHeader(name, value);
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder method(String method, byte[] body) {
            this.method = method;
            this.body = body;
            return this;
        }

        public Builder POST(byte[] body) {
            return method("POST", body);
        }

        public Builder PATCH(byte[] body) {
            return method("PATCH", body);
        }

        public Builder PUT(byte[] body) {
            return method("PUT", body);
        }

        public OutboundRequest build() {
            Map<String, String> named = new LinkedHashMap<>();
            headers.values().forEach(h -> named.put(h.getKey(), h.getValue()));
            return new OutboundRequest(method, uri, named, body, timeout);
        }
    }
}
