package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.map;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;
import java.util.Map;

/** {@code mqtt.subscribe} / {@code mqtt.publish} as {@code paho-mqtt5}. */
final class MqttTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("mqtt.subscribe", "mqtt.publish");
    }

    @Override
    public void translate(NodeExport node) {
        NodeConfig config = node.config();
        Map<String, Object> parameters = map(
                "brokerUrl", SimpleTemplates.placeholders(config.string("brokerUrl", "tcp://localhost:1883")),
                "qos", config.string("qos", "1"),
                "userName",
                        config.string("username")
                                .map(SimpleTemplates::placeholders)
                                .orElse(null),
                "password",
                        config.string("password")
                                .map(SimpleTemplates::placeholders)
                                .orElse(null));
        String topic = config.string("topic", "");
        if (node.type().equals("mqtt.subscribe")) {
            node.from("paho-mqtt5:" + topic, parameters);
            node.add(CamelSteps.bodyAsText());
            return;
        }
        if (config.bool("retained", false)) {
            parameters.put("retained", true);
        }
        node.add(CamelSteps.removeHeaders("*"));
        if (TemplateParts.parse(topic).hasLookups()) {
            node.add(CamelSteps.toD("paho-mqtt5:" + SimpleTemplates.simple(topic, node, "topic"), parameters));
        } else {
            node.add(CamelSteps.to("paho-mqtt5:" + topic, parameters));
        }
    }
}
