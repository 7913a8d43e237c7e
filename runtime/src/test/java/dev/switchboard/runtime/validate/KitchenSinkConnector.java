package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test-only step {@code test.kitchen-sink}: one property of every type, a conditional secret,
 * a list with item fields, ports made from its config (one per branch, plus "default") and a
 * connector-specific check (branch names must be unique), so the validator can be tested
 * without depending on the built-in connectors other engineers are still writing.
 */
public final class KitchenSinkConnector implements Connector {
    public static final String TYPE = "test.kitchen-sink";

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder(TYPE, ConnectorKind.STEP)
                .title("Kitchen sink (tests)")
                .outputs(PortSpec.of("default", "default", "Events no branch matched"))
                .dynamicPorts()
                .properties(
                        PropertySpec.builder("title", PropertyType.STRING)
                                .title("Title")
                                .required()
                                .build(),
                        PropertySpec.builder("mode", PropertyType.ENUM)
                                .options("fast", "safe")
                                .defaultValue("fast")
                                .build(),
                        PropertySpec.builder("auth", PropertyType.ENUM)
                                .options("none", "token")
                                .defaultValue("none")
                                .build(),
                        PropertySpec.builder("token", PropertyType.SECRET)
                                .required()
                                .visibleWhen("auth=token")
                                .build(),
                        PropertySpec.builder("password", PropertyType.SECRET).build(),
                        PropertySpec.builder("fastLimit", PropertyType.INTEGER)
                                .visibleWhen("mode=fast")
                                .build(),
                        PropertySpec.builder("retries", PropertyType.INTEGER).build(),
                        PropertySpec.builder("ratio", PropertyType.NUMBER).build(),
                        PropertySpec.builder("enabled", PropertyType.BOOLEAN).build(),
                        PropertySpec.builder("timeout", PropertyType.DURATION).build(),
                        PropertySpec.builder("schedule", PropertyType.CRON).build(),
                        PropertySpec.builder("message", PropertyType.TEMPLATE).build(),
                        PropertySpec.builder("headers", PropertyType.KEY_VALUE)
                                .acceptsSecrets()
                                .build(),
                        PropertySpec.builder("branches", PropertyType.LIST)
                                .items(
                                        PropertySpec.builder("name", PropertyType.STRING)
                                                .required()
                                                .build(),
                                        PropertySpec.builder("when", PropertyType.TEMPLATE)
                                                .required()
                                                .build())
                                .build(),
                        PropertySpec.builder("payload", PropertyType.JSON).build())
                .build();
    }

    @Override
    public List<PortSpec> outputs(NodeConfig config) {
        List<PortSpec> ports = new ArrayList<>();
        for (NodeConfig branch : config.objects("branches")) {
            String name = branch.requireString("name");
            ports.add(PortSpec.of(name, name, "Events matching " + name));
        }
        ports.add(PortSpec.of("default", "default", "Events no branch matched"));
        return ports;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<NodeConfig> branches = config.objects("branches");
        for (int i = 0; i < branches.size(); i++) {
            String name = branches.get(i).requireString("name");
            if (!names.add(name)) {
                problems.add(new ConfigProblem("/branches/" + i + "/name", "Branch name '" + name + "' is used twice"));
            }
        }
        return problems;
    }

    @Override
    public void compile(NodeContext node) {
        node.emit(node.route(), "default");
    }
}
