package dev.switchboard.runtime.importer.nodered;

/** A node, or one of its settings, that has no Switchboard equivalent: it becomes a disabled placeholder. */
final class Unmappable extends Exception {
    Unmappable(String reason) {
        super(reason, null, false, false);
    }
}
