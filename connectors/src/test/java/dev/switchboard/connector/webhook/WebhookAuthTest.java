package dev.switchboard.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookAuthTest {
    static final byte[] BODY = "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);

    static WebhookRequest request(Map<String, String> headers) {
        return WebhookRequest.of(headers, BODY);
    }

    @Test
    void hmacAcceptsTheRightSignatureWithOrWithoutPrefixInAnyHeaderCase() {
        WebhookAuth auth = WebhookAuth.from(NodeConfig.of("auth", "hmac-sha256", "secret", "k"));
        String signature = WebhookAuth.signature("k", BODY);

        assertThat(auth.reject(request(Map.of("X-Signature-256", signature)))).isEmpty();
        assertThat(auth.reject(request(Map.of("x-signature-256", signature.substring(7).toUpperCase())))).isEmpty();
    }

    @Test
    void hmacRejectsWrongMissingMalformedAndTamperedSignatures() {
        WebhookAuth auth = WebhookAuth.from(NodeConfig.of("auth", "hmac-sha256", "secret", "k"));

        assertThat(auth.reject(request(Map.of("X-Signature-256", WebhookAuth.signature("other", BODY))))).hasValue("Invalid signature");
        assertThat(auth.reject(request(Map.of()))).hasValue("Missing signature header X-Signature-256");
        assertThat(auth.reject(request(Map.of("X-Signature-256", "sha256=not-hex")))).hasValue("Invalid signature");
        assertThat(auth.reject(WebhookRequest.of(Map.of("X-Signature-256", WebhookAuth.signature("k", BODY)),
                "{\"name\":\"Eve\"}".getBytes(StandardCharsets.UTF_8)))).hasValue("Invalid signature");
    }

    @Test
    void hmacReadsTheConfiguredHeaderAndRefusesFormBodies() {
        WebhookAuth auth = WebhookAuth.from(NodeConfig.of("auth", "hmac-sha256", "secret", "k",
                "signatureHeader", "X-Hub-Signature-256"));
        String signature = WebhookAuth.signature("k", BODY);

        assertThat(auth.reject(request(Map.of("X-Hub-Signature-256", signature)))).isEmpty();
        assertThat(auth.reject(request(Map.of("X-Signature-256", signature)))).isPresent();
        assertThat(auth.reject(new WebhookRequest(Map.of("X-Hub-Signature-256", signature), new byte[0], Map.of("a", "b"))))
                .hasValueSatisfying(m -> assertThat(m).contains("form-encoded"));
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

        assertThat(auth.reject(request(Map.of("Authorization", basic("acme:p:w"))))).isEmpty();
        assertThat(auth.reject(request(Map.of("Authorization", basic("acme:p:x"))))).hasValue("Invalid credentials");
        assertThat(auth.reject(request(Map.of("Authorization", basic("acm:p:w"))))).hasValue("Invalid credentials");
        assertThat(auth.reject(request(Map.of("Authorization", basic("acme"))))).hasValue("Malformed basic credentials");
        assertThat(auth.reject(request(Map.of("Authorization", "Basic %%%")))).hasValue("Malformed basic credentials");
        assertThat(auth.reject(request(Map.of()))).hasValue("Missing basic credentials");
    }

    @Test
    void anEmptyCredentialIsRefusedRatherThanMatchingAnEmptyOne() {
        assertThatThrownBy(() -> WebhookAuth.from(NodeConfig.of("auth", "bearer", "token", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token is required for auth bearer");
        assertThatThrownBy(() -> WebhookAuth.from(NodeConfig.of("auth", "hmac-sha256")))
                .hasMessageContaining("secret is required");
        assertThatThrownBy(() -> WebhookAuth.from(NodeConfig.of("auth", "digest")))
                .hasMessageContaining("not one of none, bearer, basic, hmac-sha256");
    }

    static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
