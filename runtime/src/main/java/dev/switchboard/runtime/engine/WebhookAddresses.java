package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Engine#addresses}' answer, worked out from the flow alone: the connectors say which paths a node serves. */
final class WebhookAddresses {
    private WebhookAddresses() {}

    static Map<String, List<String>> of(Flow running, ConnectorCatalog catalog, String baseUrl) {
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        for (Node node : running.nodes()) {
            Connector connector = catalog.find(node.type()).orElse(null);
            if (connector == null || node.disabled()) {
                continue;
            }
            List<String> paths = connector.httpPaths(new NodeConfig(node.config()));
            if (!paths.isEmpty()) {
                addresses.put(
                        node.id(), paths.stream().map(path -> baseUrl + path).toList());
            }
        }
        return addresses;
    }
}
