package dev.switchboard.designer.model;

import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fresh node of a connector: a free id, the required properties' defaults, and for a webhook
 * trigger a path of its own ({@code /hooks/<flow-id>}), so a new flow can run without typing one.
 */
public final class NewNodes {
    static final String HOOKS = "/hooks/";

    private NewNodes() {}

    public static Node create(ConnectorSpec spec, Flow flow, Position at) {
        String id = NodeIds.fresh(spec.id(), flow.nodes().stream().map(Node::id).toList());
        Map<String, ConfigValue> config = new LinkedHashMap<>();
        for (PropertySpec p : spec.properties()) {
            if (p.required() && p.defaultValue() != null && !(p.defaultValue() instanceof ConfigValue.Null)) {
                config.put(p.name(), p.defaultValue());
            } else if (isHookPath(spec, p)) {
                config.put(p.name(), ConfigValue.of(freeHookPath(flow)));
            }
        }
        return new Node(id, spec.id(), null, new ConfigValue.Fields(config), Grid.snap(at));
    }

    /** A trigger's path that its placeholder shows is a webhook route (e.g. {@code /hooks/leads}). */
    private static boolean isHookPath(ConnectorSpec spec, PropertySpec p) {
        return spec.kind() == ConnectorKind.TRIGGER
                && p.name().equals("path")
                && p.defaultValue() == null
                && p.placeholder().startsWith(HOOKS);
    }

    private static String freeHookPath(Flow flow) {
        Set<String> taken = flow.nodes().stream()
                .map(n -> n.config().values().get("path"))
                .filter(ConfigValue.Text.class::isInstance)
                .map(v -> ((ConfigValue.Text) v).value())
                .collect(Collectors.toSet());
        String base = HOOKS + flow.id();
        String path = base;
        for (int i = 2; taken.contains(path); i++) {
            path = base + "-" + i;
        }
        return path;
    }
}
