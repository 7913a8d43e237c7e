package dev.switchboard.connector.kafka;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Properties and checks both Kafka connectors share. */
final class KafkaOptions {
    private KafkaOptions() {}

    static PropertySpec brokersProperty() {
        return PropertySpec.builder("brokers", PropertyType.STRING)
                .title("Brokers")
                .required()
                .placeholder("localhost:9092")
                .description("Bootstrap servers as host:port, separated by commas")
                .build();
    }

    static List<String> commaList(String commaList) {
        return Arrays.stream(commaList.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static String brokers(NodeConfig config) {
        return String.join(",", commaList(config.requireString("brokers")));
    }

    static List<ConfigProblem> brokerProblems(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        String brokers = config.string("brokers", "");
        if (brokers.contains("{{")) {
            return problems; // an {{env:…}} or {{secret:…}} reference, checked once resolved
        }
        for (String broker : commaList(brokers)) {
            if (!broker.matches("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}")) {
                problems.add(new ConfigProblem("/brokers", "'" + broker + "' is not host:port"));
            }
        }
        return problems;
    }
}
