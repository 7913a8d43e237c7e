package dev.switchboard.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.config.NodeConfig;
import org.junit.jupiter.api.Test;

class MqttConnectorsSpecTest {
    final MqttSubscribeConnector subscribe = new MqttSubscribeConnector();
    final MqttPublishConnector publish = new MqttPublishConnector();

    @Test
    void wildcardsThatAreWholeLevelsAreAccepted() {
        assertThat(subscribe.validate(NodeConfig.of("topic", "sensors/+/temperature")))
                .isEmpty();
        assertThat(subscribe.validate(NodeConfig.of("topic", "sensors/#"))).isEmpty();
        assertThat(subscribe.validate(NodeConfig.of("topic", "#"))).isEmpty();
    }

    @Test
    void misplacedWildcardsAreRejectedWithTheRule() {
        assertThat(subscribe.validate(NodeConfig.of("topic", "sensors/#/temperature")))
                .extracting(ConfigProblem::message)
                .singleElement()
                .asString()
                .contains("'#' must be a whole level at the end");
        assertThat(subscribe.validate(NodeConfig.of("topic", "sensors/kitchen+")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/topic");
    }

    @Test
    void persistentSessionWithoutClientIdIsRejected() {
        assertThat(subscribe.validate(NodeConfig.of("topic", "a", "persistentSession", true)))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/clientId");
    }
}
