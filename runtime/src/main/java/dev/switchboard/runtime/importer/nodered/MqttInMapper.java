package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;

/** {@code mqtt in} → {@code mqtt.subscribe} (broker URL from its config node, topic filter, QoS); msg.topic is the event's subject. */
final class MqttInMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        if (node.props().integer("inputs", 0) > 0) {
            throw new Unmappable("it subscribes to topics msg.action names at run time");
        }
        String topic = node.text("topic");
        if (topic == null) {
            throw new Unmappable("it has no topic");
        }
        ConfigValue.Fields config = ConfigValue.object(
                "brokerUrl", MqttBrokers.url(node, context), "topic", topic, "qos", Qos.of(node.text("qos"), "2"));
        List<String> notes = new ArrayList<>();
        String datatype = node.text("datatype", "auto-detect");
        if (datatype.equals("buffer") || datatype.equals("base64")) {
            notes.add("Node-RED gave the payload as " + datatype + "; here JSON becomes data and other payloads text");
        }
        return Mapping.converted("mqtt.subscribe", List.of(config), notes);
    }
}
