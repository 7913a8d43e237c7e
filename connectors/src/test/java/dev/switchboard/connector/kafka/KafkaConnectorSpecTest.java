package dev.switchboard.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import org.junit.jupiter.api.Test;

class KafkaConnectorSpecTest {

    @Test
    void badTopicNamesAndBrokerAddressesAreReportedWithPointers() {
        assertThat(new KafkaConsumeConnector()
                        .validate(NodeConfig.of("brokers", "localhost", "topics", "orders, bad topic")))
                .extracting(ConfigProblem::pointer, ConfigProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/brokers", "'localhost' is not host:port"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/topics",
                                "'bad topic' is not a valid Kafka topic name (letters, digits, '.', '_' and '-' only)"));
    }

    @Test
    void brokerReferencesAreCheckedOnlyOnceResolved() {
        assertThat(new KafkaConsumeConnector()
                        .validate(NodeConfig.of("brokers", "{{env:KAFKA_BROKERS}}", "topics", "a")))
                .isEmpty();
    }

    @Test
    void produceRejectsABrokenTemplateInAHeader() {
        assertThat(new KafkaProduceConnector()
                        .validate(NodeConfig.of(
                                "brokers",
                                "h:9092",
                                "topic",
                                "t",
                                "headers",
                                ConfigValue.object("x", "{{data.a | nosuchformatter}}"))))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/headers/x");
    }

    @Test
    void specsCarryHelpIconsAndASampleForTheTrigger() {
        assertThat(new KafkaConsumeConnector().spec().sampleEvent()).isNotBlank();
        assertThat(new KafkaConsumeConnector().spec().help()).contains("at least once");
        assertThat(new KafkaProduceConnector()
                        .spec()
                        .property("acks")
                        .orElseThrow()
                        .defaultValue())
                .isEqualTo(ConfigValue.of("all"));
    }
}
