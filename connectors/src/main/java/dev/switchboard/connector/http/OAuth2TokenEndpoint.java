package dev.switchboard.connector.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks a token endpoint for an access token with the client credentials grant (RFC 6749 §4.4):
 * {@code POST application/x-www-form-urlencoded grant_type=client_credentials}. A failure is an
 * {@link HttpRequestFailedException} that carries the endpoint's {@code error} and {@code
 * error_description} (RFC 6749 §5.2); 400 and 401 are not retried, 429 and 5xx are. Neither the
 * secret nor a token ever goes into a message.
 */
final class OAuth2TokenEndpoint {
    /** A token whose endpoint says nothing of its lifetime ({@code expires_in}) is used this long. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    /** Credentials are not sent on to wherever a redirect points: a 3xx is a failure. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** An access token and how long its endpoint said it lasts. {@link #toString()} hides the value. */
    record Token(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "Token[" + lifetime + "]";
        }
    }

    /** What fetches a token; the tests put a counting one in. */
    interface Source {
        Token fetch(OAuth2Credentials credentials);
    }

    private final HttpClient client;

    OAuth2TokenEndpoint() {
        this(CLIENT);
    }

    OAuth2TokenEndpoint(HttpClient client) {
        this.client = client;
    }

    Token fetch(OAuth2Credentials c) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!c.scope().isEmpty()) {
            form.put("scope", c.scope());
        }
        if (!c.audience().isEmpty()) {
            form.put("audience", c.audience());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(c.tokenUrl())
                .timeout(c.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", "Switchboard");
        if (c.basicAuth()) {
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and Base64-encoded
            String pair = encode(c.clientId()) + ":" + encode(c.clientSecret());
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", c.clientId());
            form.put("client_secret", c.clientSecret());
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String what = "OAuth2 token request to " + c.tokenUrl();
        HttpResponse<byte[]> response;
        try {
            response = client.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new HttpRequestFailedException(
                    what + " failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + c.mask(e.getMessage()) + ")"),
                    0,
                    null,
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpRequestFailedException(what + " was interrupted", 0, null, null);
        }
        int status = response.statusCode();
        Map<String, String> json = HttpResponses.jsonFields(response.body());
        if (status >= 200 && status < 300) {
            String token = json.getOrDefault("access_token", "");
            if (token.isEmpty()) {
                // the body is not quoted: it may hold a token under another name
                throw HttpRequestFailedException.withoutRetry(
                        what + " answered " + status + " without an access_token", status);
            }
            long seconds = seconds(json.get("expires_in"));
            return new Token(token, seconds < 0 ? DEFAULT_LIFETIME : Duration.ofSeconds(seconds));
        }
        String error = json.getOrDefault("error", "");
        String description = json.getOrDefault("error_description", "");
        String said = !error.isEmpty()
                ? ": " + error + (description.isEmpty() ? "" : " (" + description + ")")
                : status >= 300 && status < 400 ? " (a redirect, not followed)" : HttpCaller.excerpt(response.body());
        String message = c.mask(what + " answered " + status + said);
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now())
                        .filter(d -> d.compareTo(HttpCaller.MAX_WAIT) <= 0)
                        .orElse(null)
                : null;
        throw new HttpRequestFailedException(message, status, retryAfter, null);
    }

    /** {@code expires_in} in seconds, -1 when absent or unreadable. */
    private static long seconds(String expiresIn) {
        try {
            return expiresIn == null ? -1 : (long) Double.parseDouble(expiresIn);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
