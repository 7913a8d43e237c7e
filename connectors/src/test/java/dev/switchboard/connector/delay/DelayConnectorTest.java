package dev.switchboard.connector.delay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.config.NodeConfig;
import org.junit.jupiter.api.Test;

class DelayConnectorTest {
    final DelayConnector connector = new DelayConnector();

    @Test
    void aDelayOfUpToAnHourIsFine() {
        assertThat(connector.validate(NodeConfig.of("duration", "250ms"))).isEmpty();
        assertThat(connector.validate(NodeConfig.of("duration", "1h"))).isEmpty();
    }

    @Test
    void aLongerDelayBelongsInASchedule() {
        assertThat(connector.validate(NodeConfig.of("duration", "2h")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/duration");
                    assertThat(p.message()).contains("at most 1h", "use a schedule");
                });
    }
}
