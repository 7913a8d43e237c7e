package dev.switchboard.connector.saas.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.ingress.IngressRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * HubSpot's v3 as its docs describe it ("Validating the v3 request signature"): base64 of
 * HMAC-SHA256(client secret, method + uri + body + timestamp), the uri with a few escapes decoded,
 * the timestamp in milliseconds and at most five minutes old.
 */
class HubSpotSignatureTest {
    static final String SECRET = "hubspot-client-secret";
    static final long NOW = 1_719_912_000_000L;
    static final byte[] BODY =
            "[{\"eventId\":1,\"subscriptionType\":\"contact.creation\"}]".getBytes(StandardCharsets.UTF_8);

    static String sign(String source) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(source.getBytes(StandardCharsets.UTF_8)));
    }

    static HubSpotSignature signature(String publicUrl, long now) {
        return new HubSpotSignature(
                SECRET, publicUrl, Duration.ofMinutes(5), Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC));
    }

    static IngressRequest request(String query, String host, String signature, long timestamp) {
        return new IngressRequest(
                "POST",
                "/hooks/hubspot",
                query,
                Map.of(
                        "Host",
                        host,
                        "X-HubSpot-Signature-v3",
                        signature,
                        "X-HubSpot-Request-Timestamp",
                        "" + timestamp),
                BODY);
    }

    @Test
    void theUriIsThePublicOneWithTheQueryAndHubSpotsEscapesDecoded() {
        IngressRequest r = request("next=a%3Ab%2Fc&x=%20", "10.0.0.5:8080", "", NOW);
        assertThat(signature("https://hooks.example.com/", NOW).uri(r))
                .isEqualTo("https://hooks.example.com/hooks/hubspot?next=a:b/c&x=%20");
        assertThat(signature("", NOW).uri(r)).isEqualTo("http://10.0.0.5:8080/hooks/hubspot?next=a:b/c&x=%20");
    }

    @Test
    void aSignatureOverMethodUriBodyAndTimestampPasses() throws Exception {
        String source = "POST" + "https://hooks.example.com/hooks/hubspot?portal=1"
                + new String(BODY, StandardCharsets.UTF_8) + NOW;
        IngressRequest r = request("portal=1", "internal:8080", sign(source), NOW);
        assertThat(signature("https://hooks.example.com", NOW + 1000).reject(r)).isEmpty();
        // the same signature checked against the address the runtime sees is refused
        assertThat(signature("", NOW + 1000).reject(r)).hasValue("Invalid signature");
    }

    @Test
    void aTimestampMoreThanFiveMinutesOldIsRefusedBeforeTheBody() throws Exception {
        String source =
                "POST" + "https://hooks.example.com/hooks/hubspot" + new String(BODY, StandardCharsets.UTF_8) + NOW;
        IngressRequest r = request("", "x", sign(source), NOW);
        assertThat(signature("https://hooks.example.com", NOW + 300_001).rejectHeaders(r.headers()))
                .isPresent();
        assertThat(signature("https://hooks.example.com", NOW + 299_000).reject(r))
                .isEmpty();
    }
}
