package dev.switchboard.runtime.bench;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayList;
import java.util.List;

/**
 * A long chain, built from real connectors so it validates and deploys: a webhook and then
 * {@code nodes - 1} map steps, each wired to the next. Shared by the large-flow benchmark and the
 * tests that make sure nothing walks such a graph recursively.
 */
public final class ChainFlow {
    public static final String WEBHOOK_PATH = "/hooks/chain";

    private ChainFlow() {}

    public static Flow flow(String id, int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("A chain needs at least its trigger, not " + nodes + " nodes");
        }
        List<Node> list = new ArrayList<>(nodes);
        List<Wire> wires = new ArrayList<>(nodes - 1);
        list.add(new Node("hook", "webhook", null, ConfigValue.object("path", WEBHOOK_PATH), new Position(0, 0)));
        for (int i = 1; i < nodes; i++) {
            list.add(new Node(
                    "step-" + i,
                    "map",
                    null,
                    ConfigValue.object(
                            "fields",
                            ConfigValue.object("n", "{{data.n}}", "step", String.valueOf(i)),
                            "mode",
                            "merge"),
                    new Position(280.0 * i, 0)));
            wires.add(new Wire(list.get(i - 1).id(), null, list.get(i).id()));
        }
        return new Flow(
                FlowFormat.CURRENT,
                id,
                "Chain of " + nodes + " nodes",
                null,
                null,
                list,
                wires,
                ConfigValue.Fields.EMPTY);
    }

    /** The chain as its file text, written canonically. */
    public static String json(String id, int nodes) {
        return FlowCodec.write(flow(id, nodes));
    }

    /** The same chain with one more wire, from its last node back to its first step: a loop through every step. */
    public static Flow loop(String id, int nodes) {
        Flow chain = flow(id, nodes);
        List<Wire> wires = new ArrayList<>(chain.wires());
        wires.add(new Wire(
                chain.nodes().get(nodes - 1).id(), null, chain.nodes().get(1).id()));
        return chain.withWires(wires);
    }
}
