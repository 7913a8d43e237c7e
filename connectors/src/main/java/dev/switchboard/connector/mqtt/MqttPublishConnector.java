package dev.switchboard.connector.mqtt;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Destination;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.MessageEvents;
import dev.switchboard.connector.support.SendThenRestore;
import dev.switchboard.connector.support.Template;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.util.URISupport;

/** {@code mqtt.publish}: publishes each event to an MQTT 5 topic. */
public final class MqttPublishConnector implements Connector {

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("mqtt.publish", ConnectorKind.ACTION)
            .category("Actions")
            .title("MQTT publish")
            .description("Publish each event to an MQTT 5 topic (topic from a template)")
            .icon("radio")
            .outputs(PortSpec.out())
            .properties(
                    MqttProperties.brokerUrl(),
                    PropertySpec.builder(MqttProperties.TOPIC, PropertyType.TEMPLATE)
                            .title("Topic")
                            .required()
                            .placeholder("alerts/{{data.site}}")
                            .description("Where to publish; a template over the event.")
                            .build(),
                    MqttProperties.qos("0 at most once, 1 at least once, 2 exactly once."),
                    PropertySpec.builder("retained", PropertyType.BOOLEAN)
                            .title("Retained")
                            .defaultValue(false)
                            .description("The broker keeps the last message for later subscribers.")
                            .build(),
                    PropertySpec.builder("body", PropertyType.ENUM)
                            .title("Message body")
                            .options(MessageEvents.BODY_DATA, MessageEvents.BODY_CLOUDEVENT)
                            .defaultValue(MessageEvents.BODY_DATA)
                            .description("data: the event's data as JSON. cloudevent: the whole CloudEvent.")
                            .build(),
                    MqttProperties.clientId("Empty: a random id."),
                    MqttProperties.username(),
                    MqttProperties.password())
            .helpResource(MqttPublishConnector.class, "mqtt.publish.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public void compile(NodeContext node) throws Exception {
        NodeConfig config = node.config();
        Template topic = Template.parse(config.requireString(MqttProperties.TOPIC));
        String bodyMode = config.string("body", MessageEvents.BODY_DATA);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("brokerUrl", config.requireString(MqttProperties.BROKER_URL));
        options.put("qos", Integer.toString(MqttProperties.qos(config)));
        options.put("retained", Boolean.toString(config.bool("retained", false)));
        // connect on the first event, so a flow deploys while its broker is still down
        options.put("lazyStartProducer", "true");
        config.string(MqttProperties.CLIENT_ID).filter(s -> !s.isBlank()).ifPresent(id -> options.put("clientId", id));
        config.string(MqttProperties.USERNAME).filter(s -> !s.isBlank()).ifPresent(u -> options.put("userName", u));
        config.string(MqttProperties.PASSWORD)
                .filter(s -> !s.isBlank())
                .ifPresent(p -> options.put("password", "RAW(" + p + ")"));
        // the real topic comes per event in the override header; the path only names the endpoint
        String uri = "paho-mqtt5:switchboard?" + URISupport.createQueryString(options);

        node.emit(
                SendThenRestore.send(node.route(), uri, (event, message) -> {
                    String target = topic.render(event);
                    if (target.isBlank() || target.contains("+") || target.contains("#")) {
                        throw new IllegalArgumentException("MQTT topic '" + target + "' (from " + topic
                                + ") is empty or has a wildcard; publish needs a concrete topic");
                    }
                    message.setHeader("CamelPahoMqtt5OverrideTopic", target);
                    message.setBody(
                            MessageEvents.toBody(event, bodyMode).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }),
                PortSpec.OUT);
    }

    @Override
    public Optional<Destination> destination(NodeConfig config) {
        return config.string(MqttProperties.TOPIC).map(topic -> Destination.topic("mqtt", topic));
    }
}
