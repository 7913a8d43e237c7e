package dev.switchboard.connector.saas.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.ingress.IngressRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Stripe's scheme as its docs describe it ("Verify the signature manually"): split the header on
 * ",", take t and every v1, HMAC-SHA256 of {@code t + "." + payload} with the endpoint secret, hex,
 * compare; a v1 per active secret while one is rolled.
 */
class StripeSignatureTest {
    static final String SECRET = "whsec_test_secret_4eC39HqLyjWDarjtT1zdp7dc";
    static final String OLD_SECRET = "whsec_old_secret_0a1b2c3d";
    static final long T = 1_719_912_000L;
    static final byte[] BODY =
            "{\n  \"id\": \"evt_1\",\n  \"type\": \"invoice.paid\"\n}".getBytes(StandardCharsets.UTF_8);

    static String v1(String secret, long t, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static StripeSignature at(long now) {
        return new StripeSignature(
                SECRET, Duration.ofSeconds(300), Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
    }

    static IngressRequest request(String header) {
        return new IngressRequest("POST", "/hooks/stripe", Map.of("stripe-signature", header), BODY);
    }

    @Test
    void aMatchingV1AmongSeveralPasses() throws Exception {
        String header = "t=" + T + ",v1=" + v1(OLD_SECRET, T, BODY) + ",v1=" + v1(SECRET, T, BODY) + ",v0=deadbeef";
        assertThat(at(T + 10).reject(request(header))).isEmpty();
    }

    @Test
    void noMatchingV1IsRefused() throws Exception {
        assertThat(at(T).reject(request("t=" + T + ",v1=" + v1(OLD_SECRET, T, BODY))))
                .hasValue("Invalid signature");
        // the signature of another timestamp: t is covered
        assertThat(at(T).reject(request("t=" + T + ",v1=" + v1(SECRET, T - 1, BODY))))
                .hasValue("Invalid signature");
    }

    @Test
    void aTimestampOutsideTheToleranceIsRefusedBeforeTheBody() throws Exception {
        String header = "t=" + T + ",v1=" + v1(SECRET, T, BODY);
        assertThat(at(T + 301).rejectHeaders(Map.of("Stripe-Signature", header)))
                .isPresent();
        assertThat(at(T - 301).rejectHeaders(Map.of("Stripe-Signature", header)))
                .isPresent();
        assertThat(at(T + 300).rejectHeaders(Map.of("Stripe-Signature", header)))
                .isEmpty();
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertThat(at(T).rejectHeaders(Map.of())).hasValue("Missing Stripe-Signature header");
        assertThat(at(T).rejectHeaders(Map.of("Stripe-Signature", "t=" + T))).isPresent();
        assertThat(at(T).rejectHeaders(Map.of("Stripe-Signature", "v1=" + "a".repeat(64))))
                .isPresent();
        assertThat(at(T).rejectHeaders(Map.of("Stripe-Signature", "t=soon,v1=" + "a".repeat(64))))
                .isPresent();
    }

    @Test
    void typeFiltersTakeExactTypesAndPrefixes() {
        assertThat(StripeConnector.matches("invoice.paid", "invoice.paid")).isTrue();
        assertThat(StripeConnector.matches("invoice.*", "invoice.payment_failed"))
                .isTrue();
        assertThat(StripeConnector.matches("invoice.*", "invoiceitem.created")).isFalse();
        assertThat(StripeConnector.matches("invoice.paid", "invoice.paid.extra"))
                .isFalse();
    }
}
