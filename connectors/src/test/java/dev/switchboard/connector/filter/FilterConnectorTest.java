package dev.switchboard.connector.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import org.junit.jupiter.api.Test;

class FilterConnectorTest {
    final FilterConnector connector = new FilterConnector();

    @Test
    void hasMatchedAndUnmatchedPorts() {
        assertThat(connector.spec().outputs()).extracting(PortSpec::name).containsExactly("matched", "unmatched");
        assertThat(connector.spec().category()).isEqualTo("Logic");
        assertThat(connector.spec().help()).contains("FILTERED", "\"42\"");
    }

    @Test
    void aBadRegexIsReportedAtItsValue() {
        NodeConfig config = NodeConfig.of(
                "rules",
                ConfigValue.list(
                        ConfigValue.object("field", "data.a", "op", "exists"),
                        ConfigValue.object("field", "data.b", "op", "eq", "value", 1),
                        ConfigValue.object("field", "data.c", "op", "matches", "value", "a(b")));

        assertThat(connector.validate(config)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/rules/2/value");
            assertThat(p.message()).contains("regular expression");
        });
    }

    @Test
    void aValidConfigHasNoProblems() {
        assertThat(connector.validate(NodeConfig.of(
                        "match",
                        "any",
                        "rules",
                        ConfigValue.list(ConfigValue.object("field", "data.score", "op", "gt", "value", 50)))))
                .isEmpty();
    }

    @Test
    void problemsCarryPointersRelativeToTheConfig() {
        assertThat(connector.validate(NodeConfig.of("rules", ConfigValue.list(ConfigValue.object("field", "data.x")))))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/rules/0/op");
    }
}
