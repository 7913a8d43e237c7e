package dev.switchboard.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookAuthTest {
    static final byte[] BODY = "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);

    static WebhookRequest request(Map<String, String> headers) {
        return WebhookRequest.of(headers, BODY);
    }

    @Test
    void hmacAcceptsTheRightSignatureInAnyHeaderAndPrefixCase() {
        WebhookAuth auth = WebhookAuth.from(NodeConfig.of("auth", "hmac-sha256", "secret", "k"));
        String signature = WebhookAuth.signature("k", BODY);

        assertThat(auth.reject(request(Map.of("X-Signature-256", signature)))).isEmpty();
        assertThat(auth.reject(request(Map.of(
                        "x-signature-256", "SHA256=" + signature.substring(7).toUpperCase()))))
                .isEmpty();
    }

    @Test
    void hmacRequiresTheSha256Prefix() {
        WebhookAuth auth = WebhookAuth.from(NodeConfig.of("auth", "hmac-sha256", "secret", "k"));
        String bareHex = WebhookAuth.signature("k", BODY).substring("sha256=".length());

        assertThat(auth.reject(request(Map.of("X-Signature-256", bareHex))))
                .hasValue("The signature must start with sha256=");
        assertThat(auth.reject(request(Map.of("X-Signature-256", "sha1=" + bareHex))))
                .hasValue("The signature must start with sha256=");
        assertThat(auth.rejectHeaders(WebhookRequest.headersOnly(Map.of("X-Signature-256", bareHex))))
                .as("refused before the body is read")
                .hasValue("The signature must start with sha256=");
    }

    @Test
    void hmacRejectsWrongMissingMalformedAndTamperedSignatures() {
        WebhookAuth auth = WebhookAuth.from(NodeConfig.of("auth", "hmac-sha256", "secret", "k"));

        assertThat(auth.reject(request(Map.of("X-Signature-256", WebhookAuth.signature("other", BODY)))))
                .hasValue("Invalid signature");
        assertThat(auth.reject(request(Map.of()))).hasValue("Missing signature header X-Signature-256");
        assertThat(auth.reject(request(Map.of("X-Signature-256", "sha256=not-hex"))))
                .hasValue("Malformed signature: expected sha256= and 64 hex digits");
        assertThat(auth.reject(request(Map.of("X-Signature-256", "sha256=abcd"))))
                .hasValue("Malformed signature: expected sha256= and 64 hex digits");
        assertThat(auth.reject(WebhookRequest.of(
                        Map.of("X-Signature-256", WebhookAuth.signature("k", BODY)),
                        "{\"name\":\"Eve\"}".getBytes(StandardCharsets.UTF_8))))
                .hasValue("Invalid signature");
    }

    @Test
    void hmacChecksTheSignaturesFormBeforeTheBodyAndItsValueAfter() {
        WebhookAuth auth = WebhookAuth.from(NodeConfig.of("auth", "hmac-sha256", "secret", "k"));
        Map<String, String> wrong = Map.of("X-Signature-256", WebhookAuth.signature("other", BODY));

        assertThat(auth.rejectHeaders(WebhookRequest.headersOnly(Map.of())))
                .hasValue("Missing signature header X-Signature-256");
        assertThat(auth.rejectHeaders(WebhookRequest.headersOnly(wrong)))
                .as("well-formed: the body decides")
                .isEmpty();
        assertThat(auth.reject(request(wrong))).hasValue("Invalid signature");
    }

    @Test
    void hmacReadsTheConfiguredHeaderAndCoversFormBodiesByTheirRawBytes() {
        WebhookAuth auth = WebhookAuth.from(
                NodeConfig.of("auth", "hmac-sha256", "secret", "k", "signatureHeader", "X-Hub-Signature-256"));
        String signature = WebhookAuth.signature("k", BODY);

        assertThat(auth.reject(request(Map.of("X-Hub-Signature-256", signature))))
                .isEmpty();
        assertThat(auth.reject(request(Map.of("X-Signature-256", signature)))).isPresent();
        byte[] form = "name=Ada&tag=a&tag=b".getBytes(StandardCharsets.US_ASCII);
        Map<String, String> formHeaders = Map.of(
                "Content-Type",
                "application/x-www-form-urlencoded",
                "X-Hub-Signature-256",
                WebhookAuth.signature("k", form));
        assertThat(auth.reject(WebhookRequest.of(formHeaders, form))).isEmpty();
        assertThat(auth.reject(
                        WebhookRequest.of(formHeaders, "name=Eve&tag=a&tag=b".getBytes(StandardCharsets.US_ASCII))))
                .hasValue("Invalid signature");
    }

    static final long NOW = 1_760_000_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    static WebhookAuth timestamped() {
        return WebhookAuth.from(
                NodeConfig.of(
                        "auth",
                        "hmac-sha256",
                        "secret",
                        "k",
                        "timestampHeader",
                        "X-Signature-Timestamp",
                        "tolerance",
                        "5m"),
                CLOCK);
    }

    static WebhookRequest signedAt(long timestamp, String signature) {
        return request(Map.of("X-Signature-Timestamp", Long.toString(timestamp), "X-Signature-256", signature));
    }

    @Test
    void aTimestampedSignatureCoversTheTimestampAndMustBeFresh() {
        WebhookAuth auth = timestamped();

        assertThat(auth.reject(signedAt(NOW, WebhookAuth.signature("k", NOW, BODY))))
                .isEmpty();
        assertThat(auth.reject(signedAt(NOW - 299, WebhookAuth.signature("k", NOW - 299, BODY))))
                .isEmpty();
        assertThat(auth.reject(signedAt(NOW + 120, WebhookAuth.signature("k", NOW + 120, BODY))))
                .as("clock skew")
                .isEmpty();

        // a captured request replayed later: its own timestamp is too old
        assertThat(auth.reject(signedAt(NOW - 600, WebhookAuth.signature("k", NOW - 600, BODY))))
                .hasValue(
                        "The timestamp is more than 5m away from the server's clock; sign each request with the current time");
        // ... and a fresh timestamp does not match its signature
        assertThat(auth.reject(signedAt(NOW, WebhookAuth.signature("k", NOW - 600, BODY))))
                .hasValue("Invalid signature");
        // a signature over the body alone does not do when a timestamp is required
        assertThat(auth.reject(signedAt(NOW, WebhookAuth.signature("k", BODY)))).hasValue("Invalid signature");
    }

    @Test
    void aMissingOrUnreadableTimestampIsRefusedBeforeTheBody() {
        WebhookAuth auth = timestamped();
        String signature = WebhookAuth.signature("k", NOW, BODY);

        assertThat(auth.rejectHeaders(WebhookRequest.headersOnly(Map.of("X-Signature-256", signature))))
                .hasValue("Missing timestamp header X-Signature-Timestamp");
        assertThat(auth.rejectHeaders(WebhookRequest.headersOnly(
                        Map.of("X-Signature-256", signature, "X-Signature-Timestamp", "2025-10-09T08:00:00Z"))))
                .hasValue("The timestamp header X-Signature-Timestamp must hold unix seconds");
        assertThat(auth.rejectHeaders(WebhookRequest.headersOnly(
                        Map.of("X-Signature-256", signature, "X-Signature-Timestamp", Long.toString(NOW - 3600)))))
                .hasValueSatisfying(m -> assertThat(m).contains("5m"));
    }

    @Test
    void theTimestampedSignatureIsHmacOfTimestampDotBody() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected =
                mac.doFinal((NOW + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));

        assertThat(WebhookAuth.signature("k", NOW, BODY))
                .isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(expected));
    }

    @Test
    void bearerAndBasicAreDecidedOnTheHeadersAlone() {
        WebhookAuth bearer = WebhookAuth.from(NodeConfig.of("auth", "bearer", "token", "t0k"));
        WebhookAuth basic = WebhookAuth.from(NodeConfig.of("auth", "basic", "username", "acme", "password", "pw"));

        assertThat(bearer.rejectHeaders(WebhookRequest.headersOnly(Map.of("Authorization", "Bearer nope"))))
                .hasValue("Invalid bearer token");
        assertThat(bearer.rejectHeaders(WebhookRequest.headersOnly(Map.of("Authorization", "Bearer t0k"))))
                .isEmpty();
        assertThat(basic.rejectHeaders(WebhookRequest.headersOnly(Map.of("Authorization", basic("acme:x")))))
                .hasValue("Invalid credentials");
        assertThat(basic.rejectHeaders(WebhookRequest.headersOnly(Map.of("Authorization", basic("acme:pw")))))
                .isEmpty();
    }

    @Test
    void bearerNeedsTheExactToken() {
        WebhookAuth auth = WebhookAuth.from(NodeConfig.of("auth", "bearer", "token", "t0k"));

        assertThat(auth.reject(request(Map.of("Authorization", "Bearer t0k")))).isEmpty();
        assertThat(auth.reject(request(Map.of("authorization", "bearer t0k")))).isEmpty();
        assertThat(auth.reject(request(Map.of("Authorization", "Bearer t0K")))).hasValue("Invalid bearer token");
        assertThat(auth.reject(request(Map.of("Authorization", "Bearer t0k2")))).hasValue("Invalid bearer token");
        assertThat(auth.reject(request(Map.of("Authorization", "Basic dDBr")))).hasValue("Missing bearer token");
        assertThat(auth.reject(request(Map.of()))).hasValue("Missing bearer token");
        assertThat(auth.challenge()).isEqualTo("Bearer");
    }

    @Test
    void basicNeedsBothUserAndPassword() {
        WebhookAuth auth = WebhookAuth.from(NodeConfig.of("auth", "basic", "username", "acme", "password", "p:w"));

        assertThat(auth.reject(request(Map.of("Authorization", basic("acme:p:w")))))
                .isEmpty();
        assertThat(auth.reject(request(Map.of("Authorization", basic("acme:p:x")))))
                .hasValue("Invalid credentials");
        assertThat(auth.reject(request(Map.of("Authorization", basic("acm:p:w")))))
                .hasValue("Invalid credentials");
        assertThat(auth.reject(request(Map.of("Authorization", basic("acme")))))
                .hasValue("Malformed basic credentials");
        assertThat(auth.reject(request(Map.of("Authorization", "Basic %%%")))).hasValue("Malformed basic credentials");
        assertThat(auth.reject(request(Map.of()))).hasValue("Missing basic credentials");
    }

    @Test
    void anEmptyCredentialIsRefusedRatherThanMatchingAnEmptyOne() {
        assertThatThrownBy(() -> WebhookAuth.from(NodeConfig.of("auth", "bearer", "token", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token is required for auth bearer");
        assertThatThrownBy(() -> WebhookAuth.from(NodeConfig.of("auth", "hmac-sha256")))
                .hasMessageContaining("secret is required");
        assertThatThrownBy(() -> WebhookAuth.from(NodeConfig.of("auth", "digest")))
                .hasMessageContaining("not one of none, bearer, basic, hmac-sha256");
    }

    static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
