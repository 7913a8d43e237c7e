package dev.switchboard.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("1", NOW)).hasValue(Duration.ofSeconds(1));
        assertThat(RetryAfter.parse(" 120 ", NOW)).hasValue(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:00:30 GMT", NOW)).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePastMeansNowAndGarbageMeansNothing() {
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 09:00:00 GMT", NOW)).hasValue(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW).orElseThrow())
                .isGreaterThan(HttpCaller.MAX_WAIT);
    }
}
