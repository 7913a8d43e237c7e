package dev.switchboard.runtime.contract;

/**
 * One difference between two versions of a schema that some data could notice.
 *
 * @param pointer JSON pointer into the schemas where the change is, e.g.
 *     {@code /properties/customer/properties/email}
 * @param message what changed, in plain words
 * @param breaksBackward data valid under the old version may be invalid under the new one
 * @param breaksForward data valid under the new version may be invalid under the old one
 */
public record SchemaChange(String pointer, String message, boolean breaksBackward, boolean breaksForward) {

    static SchemaChange narrowing(String pointer, String message) {
        return new SchemaChange(pointer, message, true, false);
    }

    static SchemaChange widening(String pointer, String message) {
        return new SchemaChange(pointer, message, false, true);
    }

    static SchemaChange either(String pointer, String message) {
        return new SchemaChange(pointer, message, true, true);
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
