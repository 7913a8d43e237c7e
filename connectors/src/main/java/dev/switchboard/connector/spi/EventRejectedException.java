package dev.switchboard.connector.spi;

import java.util.List;

/**
 * Thrown by {@link NodeContext#accept} when the runtime refuses an event before it enters the
 * inbox: it breaks the node's data contract, which asks that such events be rejected. Nothing of
 * the event was kept; a trigger that answers a caller answers 400 with {@link #violations()}.
 * Never worth another try with the same event.
 */
public final class EventRejectedException extends RuntimeException implements RetryHint {
    private final String contract;
    private final transient List<Violation> violations;

    /** @param contract the contract in force, e.g. {@code orders@2} */
    public EventRejectedException(String contract, List<Violation> violations) {
        super("The event does not match the contract " + contract + ": " + violations.size() + " violation(s)");
        this.contract = contract;
        this.violations = List.copyOf(violations);
    }

    public String contract() {
        return contract;
    }

    /** Every place the event's data breaks the contract. */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public boolean retryable() {
        return false;
    }

    /**
     * One place the event's data breaks its contract.
     *
     * @param pointer JSON pointer into the event's data (for a webhook, into the posted body)
     */
    public record Violation(String pointer, String message) {}
}
