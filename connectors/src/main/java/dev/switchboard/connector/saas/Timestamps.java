package dev.switchboard.connector.saas;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The replay window of timestamped signatures: a signed time too far from the server's clock is refused. */
public final class Timestamps {
    private Timestamps() {}

    /** Why {@code text} (unix seconds, or milliseconds when {@code millis}) is refused; empty when fresh. */
    public static Optional<String> stale(String text, boolean millis, Duration tolerance, Clock clock) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return Optional.of("The signature timestamp must be unix " + (millis ? "milliseconds" : "seconds"));
        }
        long nowMillis = clock.millis();
        long thenMillis = millis ? value : value * 1000;
        if (Math.abs(nowMillis - thenMillis) > tolerance.toMillis()) {
            return Optional.of("The signature timestamp is more than " + tolerance.toSeconds()
                    + "s away from the server's clock: a stale or replayed request");
        }
        return Optional.empty();
    }
}
