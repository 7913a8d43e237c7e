package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.runtime.model.Flow;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flows written for a Node-RED export (one per tab, in tab order) and what to know about the conversion.
 *
 * @param origins for each node placed, keyed {@code flowId/nodeId}, the id of the Node-RED node it came from
 */
public record ImportResult(List<Flow> flows, List<ImportFinding> findings, Map<String, String> origins) {
    public ImportResult {
        flows = List.copyOf(flows);
        findings = List.copyOf(findings);
        origins = Map.copyOf(origins);
    }

    public List<ImportFinding> findings(ImportFinding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** The Node-RED node a node of a written flow came from. */
    public Optional<String> origin(String flowId, String nodeId) {
        return Optional.ofNullable(origins.get(flowId + "/" + nodeId));
    }
}
