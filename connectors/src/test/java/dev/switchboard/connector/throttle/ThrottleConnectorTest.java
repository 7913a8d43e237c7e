package dev.switchboard.connector.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import org.junit.jupiter.api.Test;

class ThrottleConnectorTest {
    final ThrottleConnector connector = new ThrottleConnector();

    @Test
    void droppedEventsHaveAPortOfTheirOwn() {
        assertThat(connector.spec().outputs()).extracting(PortSpec::name).containsExactly("out", "dropped");
        assertThat(connector.spec().properties())
                .filteredOn(p -> p.name().equals("excess"))
                .singleElement()
                .satisfies(p -> assertThat(p.options()).containsExactly("wait", "drop"));
    }

    @Test
    void theRateAndPeriodMustLetSomethingThrough() {
        assertThat(connector.validate(NodeConfig.of("rate", 10, "per", "1s"))).isEmpty();
        assertThat(connector.validate(NodeConfig.of("rate", 0))).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/rate");
            assertThat(p.message()).isEqualTo("rate is 0; expected a whole number of 1 or more");
        });
        assertThat(connector.validate(NodeConfig.of("rate", 5_000_000_000L)))
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/rate"));
        assertThat(connector.validate(NodeConfig.of("rate", 1, "per", "0s")))
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/per"));
    }
}
