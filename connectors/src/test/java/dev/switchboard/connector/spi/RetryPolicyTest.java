package dev.switchboard.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void pausesDoubleFromTheBackoffUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(policy.pauseAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.pauseAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.pauseAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.pauseAfter(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void attemptsCountTheFirstTry() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);
        assertThat(policy.allowsAnotherAfter(2)).isTrue();
        assertThat(policy.allowsAnotherAfter(3)).isFalse();
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("at least 1");
    }

    @Test
    void theFirstHintInTheCauseChainDecides() {
        class Permanent extends RuntimeException implements RetryHint {
            @Override
            public boolean retryable() {
                return false;
            }
        }
        assertThat(RetryHint.of(new IllegalStateException("wrapped", new Permanent())))
                .get()
                .extracting(RetryHint::retryable)
                .isEqualTo(false);
        assertThat(RetryHint.of(new IllegalStateException("no hint"))).isEqualTo(Optional.empty());
    }
}
