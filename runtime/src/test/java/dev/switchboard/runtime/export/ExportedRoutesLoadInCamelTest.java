package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.ExportFlows.chain;
import static dev.switchboard.runtime.export.ExportFlows.example;
import static dev.switchboard.runtime.export.ExportFlows.export;
import static dev.switchboard.runtime.export.ExportFlows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every connector's help example, exported, is Camel YAML DSL that Camel's own loader reads into
 * route definitions (the acceptance test runs one flow end to end; this covers every translator's
 * shape without the brokers, databases and mail servers behind the endpoints).
 */
class ExportedRoutesLoadInCamelTest {

    static Stream<String> connectorTypes() {
        return ConnectorCatalog.load().all().stream().map(c -> c.spec().id()).filter(id -> !id.startsWith("test."));
    }

    @ParameterizedTest
    @MethodSource("connectorTypes")
    void theExampleLoadsAsRoutes(String type) throws Exception {
        boolean trigger =
                ConnectorCatalog.load().find(type).orElseThrow().spec().kind() == ConnectorKind.TRIGGER;
        List<Node> nodes = new ArrayList<>();
        if (!trigger) {
            nodes.add(node("hook", "webhook", "path", "/hooks/in"));
        }
        nodes.add(example("n", type));
        nodes.add(node("after", "log"));
        Flow flow = chain("f", nodes.toArray(Node[]::new));
        String yaml = export(flow).yaml();

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("file:export.camel.yaml", yaml));
            assertThat(camel.getRouteDefinitions())
                    .extracting(r -> r.getRouteId())
                    .as(yaml)
                    .contains("f.n", "f.after");
        }
    }

    /** The endpoint check above has teeth: an option a component lacks fails to resolve. */
    @Test
    void anOptionTheComponentLacksIsRefused() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThatThrownBy(() -> camel.getEndpoint("timer:t?periodd=1000"))
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .hasMessageContaining("periodd");
        }
    }
}
