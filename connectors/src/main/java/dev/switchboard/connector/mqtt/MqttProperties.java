package dev.switchboard.connector.mqtt;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;

/** Property specs and checks shared by the MQTT nodes. */
final class MqttProperties {
    static final String BROKER_URL = "brokerUrl";
    static final String CLIENT_ID = "clientId";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TOPIC = "topic";
    static final String QOS = "qos";
    static final String DEFAULT_URL = "tcp://localhost:1883";

    private MqttProperties() {}

    static PropertySpec brokerUrl() {
        return PropertySpec.builder(BROKER_URL, PropertyType.STRING)
                .title("Broker URL")
                .required()
                .defaultValue(DEFAULT_URL)
                .placeholder(DEFAULT_URL)
                .description("tcp://host:1883, or ssl://host:8883 for TLS.")
                .build();
    }

    static PropertySpec clientId(String description) {
        return PropertySpec.builder(CLIENT_ID, PropertyType.STRING)
                .title("Client id")
                .description(description)
                .build();
    }

    static PropertySpec username() {
        return PropertySpec.builder(USERNAME, PropertyType.STRING)
                .title("Username")
                .description("Leave empty when the broker allows anonymous clients.")
                .build();
    }

    static PropertySpec password() {
        return PropertySpec.builder(PASSWORD, PropertyType.SECRET)
                .title("Password")
                .placeholder("{{secret:MQTT_PASSWORD}}")
                .description("A secret reference; never the password itself.")
                .build();
    }

    static PropertySpec qos(String description) {
        return PropertySpec.builder(QOS, PropertyType.ENUM)
                .title("QoS")
                .options("0", "1", "2")
                .defaultValue("1")
                .description(description)
                .build();
    }

    static int qos(NodeConfig config) {
        return (int) config.integer(QOS, 1);
    }

    /** MQTT topic filter rules: '+' fills one whole level, '#' only as the last whole level. */
    static List<ConfigProblem> validateFilter(String filter) {
        List<ConfigProblem> problems = new ArrayList<>();
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                problems.add(new ConfigProblem(
                        "/" + TOPIC, "'#' must be a whole level at the end of the filter, e.g. sensors/#"));
            }
            if (level.contains("+") && !level.equals("+")) {
                problems.add(new ConfigProblem("/" + TOPIC, "'+' must be a whole level, e.g. sensors/+/temperature"));
            }
        }
        return problems;
    }
}
