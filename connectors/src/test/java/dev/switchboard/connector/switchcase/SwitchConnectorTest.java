package dev.switchboard.connector.switchcase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import org.junit.jupiter.api.Test;

class SwitchConnectorTest {
    final SwitchConnector connector = new SwitchConnector();

    static ConfigValue branch(String name, Object... rule) {
        return ConfigValue.object("name", name, "rules", ConfigValue.list(ConfigValue.object(rule)));
    }

    @Test
    void branchNamesBecomePortsBeforeTheDefaultPort() {
        NodeConfig config = NodeConfig.of(
                "branches",
                ConfigValue.list(
                        branch("big", "field", "data.total", "op", "gte", "value", 1000),
                        branch("local", "field", "data.country", "op", "eq", "value", "DE")));

        assertThat(connector.outputs(config)).extracting(PortSpec::name).containsExactly("big", "local", "default");
        assertThat(connector.spec().dynamicPorts()).isTrue();
        assertThat(connector.validate(config)).isEmpty();
    }

    @Test
    void portsOfAHalfEditedConfigSkipBlankDuplicateAndReservedNames() {
        NodeConfig config = NodeConfig.of(
                "branches",
                ConfigValue.list(
                        branch("", "field", "data.a", "op", "exists"),
                        branch("a", "field", "data.a", "op", "exists"),
                        branch("a", "field", "data.a", "op", "exists"),
                        branch("default", "field", "data.a", "op", "exists")));

        assertThat(connector.outputs(config)).extracting(PortSpec::name).containsExactly("a", "default");
    }

    @Test
    void problemsPointIntoTheBranch() {
        NodeConfig config = NodeConfig.of(
                "mode",
                "some",
                "branches",
                ConfigValue.list(
                        branch("ok", "field", "data.a", "op", "exists"),
                        branch("ok", "field", "data.a", "op", "matches", "value", "[unclosed"),
                        branch("error", "field", "data.a", "op", "exists")));

        assertThat(connector.validate(config))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/branches/1/name", "/branches/1/rules/0/value", "/branches/2/name", "/mode");
    }

    @Test
    void noBranchesIsAProblem() {
        assertThat(connector.validate(NodeConfig.of()))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/branches");
    }
}
