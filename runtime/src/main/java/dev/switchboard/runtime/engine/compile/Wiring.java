package dev.switchboard.runtime.engine.compile;

import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A flow's wires that carry events, indexed by where they start, so compiling a large flow stays linear in its size. */
final class Wiring {
    private final Map<String, List<Wire>> byNodeAndPort = new HashMap<>();

    /** Wires into or out of a disabled node are left out: nothing flows along them. */
    Wiring(Flow flow) {
        for (Wire wire : flow.carryingWires()) {
            byNodeAndPort
                    .computeIfAbsent(key(wire.from(), wire.effectivePort()), k -> new ArrayList<>())
                    .add(wire);
        }
    }

    List<Wire> from(String nodeId, String port) {
        return byNodeAndPort.getOrDefault(key(nodeId, port), List.of());
    }

    private static String key(String nodeId, String port) {
        return nodeId + '\u0000' + port;
    }
}
