package dev.switchboard.runtime.importer.nodered;

import java.util.Locale;

/**
 * Something the user should know about one Node-RED node: it was not converted, left out, or
 * converted with a difference.
 *
 * @param flowId the flow written for its tab; null when the node belongs to no tab written
 * @param nodeId its id in that flow; null when it was not placed
 */
public record ImportFinding(
        Kind kind, String flowId, String nodeId, String nodeRedId, String nodeRedType, String name, String message) {

    public enum Kind {
        /** Placed as a disabled node keeping the original JSON: it does not run. */
        PLACEHOLDER,
        /** Not placed: not needed, or nothing to place. */
        DROPPED,
        /** Converted; what behaves differently. */
        NOTE
    }

    /** One line: {@code flow/node: kind: Node-RED type "name" (id): message}. */
    public String describe() {
        String where = flowId == null ? "" : flowId + (nodeId == null ? "" : "/" + nodeId) + ": ";
        String label = nodeRedType + (name == null || name.isBlank() ? "" : " \"" + name + "\"");
        return where + kind.name().toLowerCase(Locale.ROOT) + ": " + label + " (" + nodeRedId + "): " + message;
    }
}
