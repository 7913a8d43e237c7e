package dev.switchboard.runtime.export;

import java.util.Objects;

/**
 * Something of the flow the Camel export cannot express, or expresses only approximately. Every
 * note is printed by {@code switchboard export} and written at the top of the YAML file: nothing is
 * dropped silently.
 *
 * @param nodeId the node it concerns; null for the flow as a whole
 * @param feature what is not (fully) exported, e.g. {@code retries}
 * @param detail what the exported routes do instead
 */
public record ExportNote(String nodeId, String feature, String detail) {

    public ExportNote {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line: {@code node filter-hot: rule on type — omitted …}. */
    public String describe() {
        return (nodeId == null ? "flow" : "node " + nodeId) + ": " + feature + " — " + detail;
    }
}
