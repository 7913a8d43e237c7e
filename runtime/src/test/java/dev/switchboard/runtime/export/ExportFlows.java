package dev.switchboard.runtime.export;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayList;
import java.util.List;

/** Small flows for the export's tests. */
final class ExportFlows {
    private ExportFlows() {}

    static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    /** A node configured with its connector's help example. */
    static Node example(String id, String type) {
        String example = ConnectorCatalog.load().find(type).orElseThrow().spec().example();
        return new Node(id, type, null, (ConfigValue.Fields) FlowCodec.toConfigValue(parse(example)), null);
    }

    static Flow chain(String id, Node... nodes) {
        List<Wire> wires = new ArrayList<>();
        for (int i = 1; i < nodes.length; i++) {
            wires.add(Wire.of(nodes[i - 1].id(), nodes[i].id()));
        }
        return flow(id, List.of(nodes), wires);
    }

    static Flow flow(String id, List<Node> nodes, List<Wire> wires) {
        return new Flow(FlowFormat.CURRENT, id, id, null, null, nodes, wires, null);
    }

    static CamelExport export(Flow flow) {
        return new CamelYamlExport(ConnectorCatalog.load()).export(flow);
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return FlowCodec.parseTree(json);
        } catch (dev.switchboard.runtime.format.MalformedFlowException e) {
            throw new IllegalStateException(e);
        }
    }
}
