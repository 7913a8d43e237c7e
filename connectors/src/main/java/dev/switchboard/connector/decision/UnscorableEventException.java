package dev.switchboard.connector.decision;

import dev.switchboard.connector.spi.RetryHint;

/** An event a decision step cannot use (a feature missing or not a number, data that is not an object): trying it again cannot help. */
final class UnscorableEventException extends IllegalArgumentException implements RetryHint {
    UnscorableEventException(String message) {
        super(message);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
