package dev.switchboard.runtime.policy;

/** Told of every policy decision (the metrics count them); called on the event's thread, so quick. */
@FunctionalInterface
public interface PolicyListener {
    void decided(PolicyDecision decision);
}
