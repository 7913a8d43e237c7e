package dev.switchboard.runtime.contract;

/**
 * Where an event's data breaks its contract.
 *
 * @param pointer JSON pointer into the event's data (for a webhook: into the posted body); empty for the whole
 */
public record ContractViolation(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
