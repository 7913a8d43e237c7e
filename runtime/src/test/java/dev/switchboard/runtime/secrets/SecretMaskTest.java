package dev.switchboard.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskTest {
    static final String SECRET = "p@ss w/rd+\"quoted\"";

    private static SecretMask maskOf(String secret) {
        SecretMask mask = new SecretMask();
        mask.add(secret);
        return mask;
    }

    @Test
    void rawAndJsonEscapedFormsAreMasked() {
        SecretMask mask = maskOf(SECRET);

        assertThat(mask.mask("a " + SECRET + " b")).isEqualTo("a *** b");
        assertThat(mask.mask("{\"v\":\"p@ss w/rd+\\\"quoted\\\"\"}")).isEqualTo("{\"v\":\"***\"}");
    }

    @Test
    void urlEncodedFormsAreMaskedWithPlusOrPercentTwentyAndEitherHexCase() {
        SecretMask mask = maskOf(SECRET);
        String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);

        assertThat(form).isEqualTo("p%40ss+w%2Frd%2B%22quoted%22");
        assertThat(mask.mask("?key=" + form + "&x=1")).isEqualTo("?key=***&x=1");
        assertThat(mask.mask("?key=" + form.replace("+", "%20") + "&x=1")).isEqualTo("?key=***&x=1");
        assertThat(mask.mask("?key=p%40ss%20w%2frd%2b%22quoted%22")).isEqualTo("?key=***");
    }

    @Test
    void base64FormsAreMaskedStandardAndUrlSafeWithAndWithoutPadding() {
        String secret = "s3cr3t>>>???~~";
        SecretMask mask = maskOf(secret);
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);

        for (String encoded : new String[] {
            Base64.getEncoder().encodeToString(bytes),
            Base64.getUrlEncoder().encodeToString(bytes),
            Base64.getEncoder().withoutPadding().encodeToString(bytes),
            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
        }) {
            assertThat(mask.mask("token " + encoded + " end")).isEqualTo("token *** end");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "adam", "admin", "a", ""})
    void passwordInsideABasicHeaderIsMaskedAtEveryAlignment(String user) {
        String password = "correct-horse-battery";
        SecretMask mask = maskOf(password);
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));

        String masked = mask.mask("Authorization: Basic " + encoded);

        assertThat(masked).contains("***");
        // at most the two characters at each end that mix the password with its neighbours stay
        int passwordStart = (user.length() + 1) * 8;
        int firstOwn = (passwordStart + 5) / 6;
        String passwordOnly = encoded.substring(firstOwn, ((passwordStart + password.length() * 8) / 6));
        for (int i = 0; i + 3 <= passwordOnly.length(); i++) {
            assertThat(masked).doesNotContain(passwordOnly.substring(i, i + 3));
        }
    }

    @Test
    void veryShortSecretsAreMaskedAsWrittenOnlyNotTheirFewEncodedCharacters() {
        SecretMask mask = maskOf("abcd");

        assertThat(mask.mask("abcd")).isEqualTo("***");
        // "YWJjZ" is the 5-character base64 core of "abcd": too short to mask without hitting unrelated base64
        assertThat(mask.mask("data:image/png;base64,iVBORYWJjZw0KGgo"))
                .isEqualTo("data:image/png;base64,iVBORYWJjZw0KGgo");
        assertThat(maskOf("abc").mask("abc")).isEqualTo("abc");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        SecretMask mask = maskOf(SECRET);

        assertThat(mask.mask("The order 42 was shipped to Ada.")).isEqualTo("The order 42 was shipped to Ada.");
    }
}
