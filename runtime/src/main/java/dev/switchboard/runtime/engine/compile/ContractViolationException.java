package dev.switchboard.runtime.engine.compile;

import dev.switchboard.connector.spi.RetryHint;

/**
 * An event that broke the data contract at a node's input: the node fails it at once, never to be
 * tried again with the same data, through the node's error port ({@code error-port}) or straight
 * to the dead letters ({@code dead-letter}).
 */
final class ContractViolationException extends RuntimeException implements RetryHint {
    private final boolean bypassErrorPort;

    ContractViolationException(String message, boolean bypassErrorPort) {
        super(message);
        this.bypassErrorPort = bypassErrorPort;
    }

    /** Whether the event goes to the dead letters even when the node's error port is wired. */
    boolean bypassesErrorPort() {
        return bypassErrorPort;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
