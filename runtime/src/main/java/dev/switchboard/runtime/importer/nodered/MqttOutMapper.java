package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code mqtt out} → {@code mqtt.publish} (broker URL, topic, QoS, retain); the event's data is the message. */
final class MqttOutMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        String topic = node.text("topic");
        if (topic == null) {
            throw new Unmappable("its topic comes from msg.topic");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("brokerUrl", MqttBrokers.url(node, context));
        config.put("topic", MsgPaths.literal(topic, "its topic"));
        config.put("qos", Qos.of(node.text("qos"), "0"));
        if (node.flag("retain")) {
            config.put("retained", true);
        }
        return Mapping.converted("mqtt.publish", (ConfigValue.Fields) ConfigValue.from(config));
    }
}
