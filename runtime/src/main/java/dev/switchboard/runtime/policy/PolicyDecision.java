package dev.switchboard.runtime.policy;

/**
 * One decision a central policy took about an event at a node: counted in the metrics and kept
 * in the node's step of the run record.
 *
 * @param policy the policy's name ({@code name}, else {@code masking[i]} / {@code routing[i]})
 * @param outcome {@code masked} (the stored and shown copies), {@code masked-for-destination},
 *     {@code allowed} or {@code blocked}
 * @param detail the destination or what was masked, for people
 */
public record PolicyDecision(String flowId, String nodeId, String policy, String outcome, String detail) {
    /** As a step of a run record shows it: {@code routing eu-only: blocked api.us.example.com}. */
    public String summary() {
        return policy + ": " + outcome + (detail == null || detail.isEmpty() ? "" : " " + detail);
    }
}
