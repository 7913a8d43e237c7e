package dev.switchboard.connector.mqtt;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.MessageEvents;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.util.URISupport;

/** {@code mqtt.subscribe}: an MQTT 5 subscription; each message starts the flow. */
public final class MqttSubscribeConnector implements Connector {
    static final String EVENT_TYPE = "dev.switchboard.mqtt.message";

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("mqtt.subscribe", ConnectorKind.TRIGGER)
            .category("Triggers")
            .title("MQTT subscribe")
            .description("Receive messages from an MQTT 5 topic filter (+ and # wildcards)")
            .icon("radio")
            .outputs(PortSpec.out())
            .properties(
                    MqttProperties.brokerUrl(),
                    PropertySpec.builder(MqttProperties.TOPIC, PropertyType.STRING)
                            .title("Topic filter")
                            .required()
                            .placeholder("sensors/+/temperature")
                            .description("+ matches one level, # all remaining levels.")
                            .build(),
                    MqttProperties.qos("Delivery guarantee asked of the broker for this subscription."),
                    MqttProperties.clientId("Empty: a random id per start. Set one for a persistent session."),
                    MqttProperties.username(),
                    MqttProperties.password(),
                    PropertySpec.builder("persistentSession", PropertyType.BOOLEAN)
                            .title("Persistent session")
                            .defaultValue(false)
                            .description(
                                    "Keep the subscription (and queued QoS 1/2 messages) while the flow is stopped.")
                            .build(),
                    PropertySpec.builder("reconnectInterval", PropertyType.DURATION)
                            .title("Reconnect every")
                            .defaultValue("5s")
                            .description("Wait between attempts while the broker is unreachable.")
                            .build())
            .helpResource(MqttSubscribeConnector.class, "mqtt.subscribe.md")
            .sampleEvent("""
                    {"sensor": "kitchen", "celsius": 21.5}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        String brokerUrl = config.requireString(MqttProperties.BROKER_URL);
        String topic = config.requireString(MqttProperties.TOPIC);
        int qos = MqttProperties.qos(config);
        boolean persistent = config.bool("persistentSession", false);
        Duration retryEvery = config.duration("reconnectInterval", Duration.ofSeconds(5));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("brokerUrl", brokerUrl);
        options.put("qos", Integer.toString(qos));
        // acknowledge QoS 1/2 messages only once the flow has finished them
        options.put("manualAcksEnabled", "true");
        options.put("cleanStart", Boolean.toString(!persistent));
        if (persistent) {
            options.put("sessionExpiryInterval", "86400");
        }
        options.put("connectionTimeout", "10");
        config.string(MqttProperties.CLIENT_ID).filter(s -> !s.isBlank()).ifPresent(id -> options.put("clientId", id));
        config.string(MqttProperties.USERNAME).filter(s -> !s.isBlank()).ifPresent(u -> options.put("userName", u));
        config.string(MqttProperties.PASSWORD)
                .filter(s -> !s.isBlank())
                .ifPresent(p -> options.put("password", "RAW(" + p + ")"));
        String uri = "paho-mqtt5:" + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "?" + queryString(options);

        String source = node.eventSource();
        RouteDefinition route = node.from(uri);
        // the subscription connects while the route starts: start it once the broker is reachable
        node.startWhenReachable("MQTT broker " + brokerUrl, retryEvery);
        node.emit(
                route.process(exchange -> {
                    byte[] payload = exchange.getIn().getBody(byte[].class);
                    String receivedOn = exchange.getIn().getHeader("CamelMqttTopic", String.class);
                    Event event = MessageEvents.toEvent(
                            payload == null ? null : new String(payload, StandardCharsets.UTF_8),
                            null,
                            source,
                            EVENT_TYPE,
                            receivedOn,
                            Instant.now());
                    exchange.getIn().removeHeaders("*");
                    exchange.getIn().setBody(event);
                }),
                PortSpec.OUT);
    }

    private static String queryString(Map<String, Object> options) {
        try {
            return URISupport.createQueryString(options);
        } catch (Exception e) {
            throw new IllegalArgumentException("Cannot build the MQTT options: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        config.string(MqttProperties.TOPIC).ifPresent(t -> problems.addAll(MqttProperties.validateFilter(t)));
        if (config.bool("persistentSession", false)
                && config.string(MqttProperties.CLIENT_ID)
                        .filter(s -> !s.isBlank())
                        .isEmpty()) {
            problems.add(
                    new ConfigProblem("/" + MqttProperties.CLIENT_ID, "A persistent session needs a fixed client id"));
        }
        return problems;
    }
}
