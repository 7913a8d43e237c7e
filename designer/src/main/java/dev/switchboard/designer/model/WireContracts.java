package dev.switchboard.designer.model;

import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which data contracts the events on a wire are checked against, as the runtime's contract gate
 * checks them: a trigger's contract applies to the events it produces (so to every wire out of
 * it), any other node's to the events entering it (so to every wire into it). A disabled node is
 * not run, so its contract checks nothing.
 */
public final class WireContracts {
    private WireContracts() {}

    /**
     * One contract on a wire.
     *
     * @param nodeId the node the contract is bound to
     * @param atTrigger true when it checks what that trigger produces, false when it checks what enters the node
     */
    public record WireContract(String nodeId, ContractBinding binding, boolean atTrigger) {}

    /**
     * The contracts on each wire that has any (source trigger's first), for the whole flow in one pass.
     *
     * @param isTrigger whether a node is a trigger (by its connector's kind)
     */
    public static Map<Wire, List<WireContract>> of(Flow flow, Predicate<Node> isTrigger) {
        Map<String, Node> bound = new HashMap<>();
        for (Node node : flow.nodes()) {
            if (node.contract() != null && !node.disabled()) {
                bound.put(node.id(), node);
            }
        }
        if (bound.isEmpty()) {
            return Map.of();
        }
        Map<Wire, List<WireContract>> byWire = new HashMap<>();
        for (Wire wire : flow.wires()) {
            List<WireContract> found = new ArrayList<>(2);
            Node from = bound.get(wire.from());
            if (from != null && isTrigger.test(from)) {
                found.add(new WireContract(from.id(), from.contract(), true));
            }
            Node to = bound.get(wire.to());
            if (to != null && !isTrigger.test(to)) {
                found.add(new WireContract(to.id(), to.contract(), false));
            }
            if (!found.isEmpty()) {
                byWire.put(wire, List.copyOf(found));
            }
        }
        return byWire;
    }

    /** The wire's label: each contract as the file names it ({@code orders@2}), once. */
    public static String label(List<WireContract> contracts) {
        LinkedHashSet<String> references = new LinkedHashSet<>();
        contracts.forEach(c -> references.add(c.binding().reference()));
        return String.join(" → ", references);
    }

    /** The wire's tooltip: per contract its subject, version, enforcement and where it is checked. */
    public static String describe(List<WireContract> contracts) {
        List<String> parts = new ArrayList<>(contracts.size());
        for (WireContract c : contracts) {
            ContractBinding b = c.binding();
            parts.add("Data contract " + b.reference() + "\n"
                    + "Subject: " + b.subject() + "\n"
                    + "Version: " + b.pinnedVersion().map(String::valueOf).orElse("latest (when deployed)") + "\n"
                    + "Enforcement: " + b.effectiveEnforcement().id()
                    + (b.enforcement() == null ? " (the default)" : "") + "\n"
                    + (c.atTrigger()
                            ? "Checked as trigger '" + c.nodeId() + "' produces its events"
                            : "Checked as events enter '" + c.nodeId() + "'"));
        }
        return String.join("\n\n", parts);
    }
}
