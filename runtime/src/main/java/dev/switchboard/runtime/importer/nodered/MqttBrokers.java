package dev.switchboard.runtime.importer.nodered;

import java.util.Locale;

/** An {@code mqtt-broker} config node as a broker URL: {@code tcp://host:port}, or {@code ssl://} with TLS. */
final class MqttBrokers {
    private MqttBrokers() {}

    static String url(NodeRedNode node, ImportContext context) throws Unmappable {
        String id = node.text("broker");
        if (id == null) {
            throw new Unmappable("it names no broker");
        }
        NodeRedNode broker = context.node(id)
                .filter(b -> b.type().equals("mqtt-broker"))
                .orElseThrow(() -> new Unmappable("its broker config node '" + id + "' is not in the export"));
        String host = broker.text("broker");
        if (host == null) {
            throw new Unmappable("its broker '" + broker.label() + "' has no host");
        }
        boolean tls = broker.flag("usetls");
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ws://") || lower.startsWith("wss://")) {
            throw new Unmappable(
                    "its broker '" + host + "' is MQTT over WebSockets, which the MQTT nodes do not speak");
        }
        if (lower.contains("://")) {
            tls = tls || lower.startsWith("mqtts://") || lower.startsWith("ssl://");
            host = host.substring(host.indexOf("://") + 3);
        }
        String port = broker.text("port", tls ? "8883" : "1883");
        return (tls ? "ssl://" : "tcp://") + (host.contains(":") ? host : host + ":" + port);
    }
}
