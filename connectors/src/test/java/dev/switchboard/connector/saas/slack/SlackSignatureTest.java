package dev.switchboard.connector.saas.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.ingress.IngressRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slack's worked example from "Verifying requests from Slack" (api.slack.com/authentication/verifying-requests-from-slack). */
class SlackSignatureTest {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
            + "%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    static SlackSignature at(long epochSecond) {
        return new SlackSignature(
                SECRET, Duration.ofMinutes(5), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    static IngressRequest request(String signature, String timestamp) {
        return new IngressRequest(
                "POST",
                "/hooks/slack",
                Map.of("x-slack-signature", signature, "X-Slack-Request-Timestamp", timestamp),
                BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void slacksPublishedExampleSignsAsSlackSays() {
        assertThat(SlackSignature.sign(SECRET, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(EXPECTED);
        assertThat(at(1531420618L + 60).reject(request(EXPECTED, TIMESTAMP))).isEmpty();
    }

    @Test
    void aStaleTimestampIsRefusedEvenWithTheRightSignature() {
        assertThat(at(1531420618L + 301)
                        .rejectHeaders(request(EXPECTED, TIMESTAMP).headers()))
                .hasValueSatisfying(m -> assertThat(m).contains("stale"));
    }

    @Test
    void aSignatureOfAnotherBodyOrTimestampIsRefused() {
        String other = EXPECTED.substring(0, EXPECTED.length() - 1) + "4";
        assertThat(at(1531420618L).reject(request(other, TIMESTAMP))).hasValue("Invalid signature");
        assertThat(at(1531420619L).reject(request(EXPECTED, "1531420619"))).hasValue("Invalid signature");
    }
}
