package dev.switchboard.runtime.policy;

/**
 * A send a routing policy blocked before it happened. Never retried: the runtime keeps the event as
 * a dead letter whose error names the rule.
 */
public final class PolicyViolationException extends RuntimeException {
    private final String policy;

    public PolicyViolationException(String policy, String message) {
        super(message);
        this.policy = policy;
    }

    public String policy() {
        return policy;
    }
}
