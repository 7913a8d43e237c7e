package dev.switchboard.connector.spi;

/** Where a node may sit in a flow. */
public enum ConnectorKind {
    /** Creates events; has no input port. */
    TRIGGER,
    /** Transforms or routes events (filter, switch, map …). */
    STEP,
    /** Causes a side effect; may still have an output so a flow can continue. */
    ACTION
}
